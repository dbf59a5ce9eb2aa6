import { z } from 'zod';

/**
 * Every error code the services answer with, and its HTTP status. The domain throws
 * `AppError(code)`; one middleware per service maps the code to the status.
 */
export const ErrorStatus = {
  bad_request: 400,
  /** A one-time enrolment code past its expiry: ask the county for a new one. */
  enrolment_code_expired: 400,
  /** A one-time enrolment code that has already enrolled a kiosk. */
  enrolment_code_used: 400,
  invalid_id_number: 400,
  invalid_ticket_number: 400,
  /** A village finance period whose opening balance + income − expense is not its closing balance. */
  finance_unbalanced: 400,
  /** A working-day calendar file that is not a valid year of holidays and make-up working days. */
  invalid_calendar: 400,
  /** An import file that cannot be read as a CSV or an XLSX. */
  unreadable_file: 400,
  /** An admin's upload that names no department for its rows. */
  department_required: 400,
  /** An upload with a header row and no data rows. */
  empty_upload: 400,
  /** A correction import of fund or spending lines, which replace their lists anyway. */
  correction_not_supported: 400,
  /** A correction import without the reason for it. */
  reason_required: 400,
  /** A correction of a field central sets (id, version, ID hash…). */
  field_not_correctable: 400,
  /** A correction of a field the record does not have. */
  unknown_field: 400,
  /** A correction's new value that its field does not accept. */
  invalid_field_value: 400,
  /** A complaint from a kiosk whose category is not a category code at all (a retired one is still taken). */
  invalid_category: 400,
  /** A ticket taken by staff, or a complaint at a kiosk, under a category the county (as the kiosk last heard) does not offer. */
  unknown_category: 400,
  /** A kiosk asked for sync bodies in a protocol version central does not serve: update the kiosk (or central). */
  sync_protocol_unsupported: 400,
  /** No enrolment code has this value (mistyped, or made at another central). */
  unknown_enrolment_code: 400,
  /** A village code that is not a live village (or community) in the published data. */
  unknown_village: 400,
  /** A speech request with no text to read. */
  no_speech_text: 400,
  unauthorized: 401,
  /** A staff session cookie whose session has ended (expired, logged out, the account disabled or its password reset): log in again. */
  session_expired: 401,
  /** A staff login with a wrong password or an unknown username (the answer does not say which). */
  wrong_password: 401,
  wrong_pin: 403,
  forbidden: 403,
  /** The right password of a disabled staff account: an admin enables it again. */
  account_disabled: 403,
  /** The staff member's role does not hold the permission the route needs (`PERMISSIONS`). */
  missing_permission: 403,
  /** A kiosk delivered a ticket number that another kiosk's number begins. */
  foreign_ticket_number: 403,
  /** The kiosk's credential was revoked at central: it needs a re-enrolment code. */
  kiosk_revoked: 403,
  /** The one who staged a change may not approve it (an admin alone only with a reason). */
  two_person_rule: 403,
  /** Another department's data: a publisher uploads, corrects and withdraws only their own. */
  not_own_department: 403,
  not_found: 404,
  /** No route answers this method and path. */
  no_such_endpoint: 404,
  /** No staff account has this username. */
  unknown_account: 404,
  /** No import has this id (or none this staff member may read). */
  unknown_import: 404,
  /** No live published record has this table and id. */
  unknown_record: 404,
  /** No kind of published data has this name. */
  unknown_table: 404,
  /** The ticket has no voice recording. */
  no_recording: 404,
  /** No ticket has this number (or none this staff member may see). */
  unknown_ticket: 404,
  /** Central has published no content yet, so there is nothing to sync. */
  nothing_published: 404,
  /** No media blob with this sha256 is stored at central. */
  unknown_blob: 404,
  /** No kiosk has this number. */
  unknown_kiosk: 404,
  /** No project in the kiosk's data has this id. */
  unknown_project: 404,
  /** The village has no published books for that period. */
  no_finance_period: 404,
  /** A project's attachment the agent has not fetched from central yet. */
  blob_not_downloaded: 404,
  /** No payments for this ID number, so there is no statement to print. */
  no_payments: 404,
  /** No print job has this id on this kiosk. */
  unknown_print_job: 404,
  conflict: 409,
  /** An admin may not disable their own account (someone must still be able to enable it). */
  cannot_disable_self: 409,
  /** A staff account with this username exists. */
  username_taken: 409,
  /** A ticket is marked replied before its reply is written. */
  reply_required: 409,
  /** The kiosk was revoked before: nothing changed. */
  kiosk_already_revoked: 409,
  /** An enrolment code for another kiosk number (or for a new kiosk, sent by one that has a number): refused unused. */
  kiosk_number_mismatch: 409,
  /** A staged change was computed from records that changed since: nothing is published. */
  stale_record: 409,
  /** The import was approved or rejected before: nothing changed. */
  import_already_reviewed: 409,
  /** The import's file is still arriving: it can be reviewed once it is staged. */
  import_still_receiving: 409,
  /** The import has no valid rows to publish. */
  nothing_to_publish: 409,
  /** Someone else moved the ticket since it was read: nothing changed, read it again. */
  stale_ticket: 409,
  /** The ticket already waits for the complainant. */
  ticket_already_paused: 409,
  /** The ticket does not wait for the complainant, so there is nothing to resume. */
  ticket_not_paused: 409,
  /** Every central ticket number tried was just taken by another staff member: try again. */
  ticket_number_taken: 409,
  /** The handling step is not allowed from the ticket's status (the state machine in `tickets/ticket-events`). */
  ticket_transition_refused: 409,
  /** The kiosk is not enrolled at central, so it cannot number a complaint yet. */
  kiosk_not_enrolled: 409,
  /** A print job that already printed: a retry would print it twice. */
  print_job_already_printed: 409,
  /** A print job whose content was dropped (15 minutes after the request): look it up again and print anew. */
  print_job_expired: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A CSV whose text encoding is not UTF-8 or GBK/GB18030, cannot be told, or does not decode cleanly. */
  unknown_encoding: 415,
  /** A `Range` that starts at or past the end of the file: the caller already has every byte. */
  range_not_satisfiable: 416,
  rate_limited: 429,
  /** Too many wrong passwords for one account, or from one address: wait for `Retry-After`. */
  login_locked: 429,
  /** Too many wrong PINs for one ticket (with `Retry-After`) or for the kiosk's staff panel: even the right one waits. */
  pin_locked: 429,
  internal: 500,
  central_unreachable: 503,
} as const;
export type ErrorCode = keyof typeof ErrorStatus;

/** The body of every error answer: `{ error: { code, message } }`. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** An error with a code the transports know how to present. `message` is plain words for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ErrorStatus[this.code];
  }
}
