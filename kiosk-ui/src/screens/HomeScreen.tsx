import { describeDataDate } from '../format/format-data-date';
import { HelpIcon } from '../components/Icons';
import { useScreenSpeech } from '../session/useScreenSpeech';
import { HOME_READ_ALOUD, HOME_TILES, type HomeTile } from './home-tiles';
import type { ScreenProps } from './screen-props';
import './HomeScreen.css';

function Tile({ tile, onOpen }: { tile: HomeTile; onOpen: () => void }) {
  const { Icon } = tile;
  return (
    <button type="button" className="tile" onClick={onOpen} data-testid={`tile-${tile.screen}`}>
      <Icon className="tile__icon" />
      <span className="tile__title">{tile.title}</span>
      <span className="tile__subtitle">{tile.subtitle}</span>
    </button>
  );
}

/** Six big tiles, 帮助, and how fresh the kiosk's data is; 朗读 is in the speech bar. */
export function HomeScreen({ nav, healthState }: ScreenProps) {
  useScreenSpeech(HOME_READ_ALOUD);
  return (
    <section className="home" aria-labelledby="home-prompt">
      <h1 id="home-prompt" className="home__prompt">
        请点击您要办理的事项
      </h1>
      <div className="home__tiles">
        {HOME_TILES.map((tile) => (
          <Tile key={tile.screen} tile={tile} onOpen={() => nav.push(tile.screen)} />
        ))}
      </div>
      <div className="home__footer">
        <p className="data-date" data-testid="data-date">
          {describeDataDate(healthState.health?.dataUpdatedAt)}
        </p>
        <div className="home__actions">
          <button
            type="button"
            className="action-button"
            onClick={() => nav.push('help')}
            data-testid="help"
          >
            <HelpIcon className="action-button__icon" />
            <span>帮助</span>
          </button>
        </div>
      </div>
    </section>
  );
}
