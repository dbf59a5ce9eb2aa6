import { numberRuns } from './number-runs';

/**
 * Text in which no number breaks from its unit or inside itself: each number run sits in
 * a span that does not wrap (`.keep-whole`), the text between still wraps as it likes.
 */
export function NumberText({ text }: { text: string }) {
  return (
    <>
      {numberRuns(text).map((run, i) =>
        run.isNumber ? (
          <span key={i} className="keep-whole">
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
