import { Component, type ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

interface Props {
  title: string;
  /** A count beside the title (the open problems), read with it. */
  count?: number;
  children: ComponentChildren;
}

/** One panel failing never takes the others (or the page) down: it shows a line instead. */
export class PanelBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(err: unknown) {
    console.debug('[holdfast] panel failed', this.props.title, err);
    this.setState({ failed: true });
  }

  override render() {
    return (
      <section class="panel" aria-label={this.props.title}>
        <h2>
          {this.props.title}
          {this.props.count ? <span class="count"> · {this.props.count}</span> : null}
        </h2>
        {this.state.failed ? <p class="error">{t('loadFailed')}</p> : this.props.children}
      </section>
    );
  }
}
