import { Component } from 'preact';
import { t } from '@/lib/i18n';

export interface PickProps {
  search: (query: string) => Promise<Array<{ id: string; name: string }>>;
  onPick: (customerId: string) => void;
}

interface PickState {
  query: string;
  results: Array<{ id: string; name: string }>;
}

/** When the page does not say which customer it is about (or says it wrongly), the rep picks one by name. */
export class ManualPick extends Component<PickProps, PickState> {
  override state: PickState = { query: '', results: [] };
  private seq = 0;

  private onInput = async (e: Event) => {
    const query = (e.currentTarget as HTMLInputElement).value;
    this.setState({ query });
    const mine = ++this.seq;
    const results = query.trim() ? await this.props.search(query) : [];
    if (mine === this.seq) this.setState({ results });
  };

  override render(_: PickProps, { query, results }: PickState) {
    return (
      <div class="pick">
        <label class="small muted" for="holdfast-pick">{t('pickPrompt')}</label>
        <input id="holdfast-pick" type="search" placeholder={t('pickSearch')} value={query} onInput={this.onInput} autoComplete="off" />
        {query.trim() && !results.length && <p class="small muted">{t('pickNone', query.trim())}</p>}
        {results.length > 0 && (
          <ul class="results">
            {results.map((r) => (
              <li key={r.id}>
                <button type="button" class="link" onClick={() => this.props.onPick(r.id)}>{r.name}</button>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
}
