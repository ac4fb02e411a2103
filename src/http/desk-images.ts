import type { DeskImage, ImageSource } from '../platform.ts';
import type { LinkSigner } from '../signed-link.ts';

/** A route that serves a picture from a signed link, readable without HTTP by a platform that uploads files. */
export interface ImageRenderer {
  /** The route's exact path (`/charts/trend.png`). */
  path: string;
  /** The picture at this already verified link; throws an `HttpError` for parameters it cannot read. */
  render(url: URL): Promise<DeskImage>;
}

/**
 * The desk's pictures as an `ImageSource`: a link is read from its path and query alone, so an absolute one
 * on PUBLIC_URL and a bare path are the same picture, and it must carry a valid, unexpired signature.
 */
export function createImageSource(
  renderers: readonly ImageRenderer[],
  links: LinkSigner,
  now: () => Date,
): ImageSource {
  return async (link) => {
    if (!URL.canParse(link, 'http://desk.invalid')) return undefined;
    const url = new URL(link, 'http://desk.invalid');
    const renderer = renderers.find((r) => r.path === url.pathname);
    if (!renderer || !links.verify(url, now()).ok) return undefined;
    return renderer.render(url);
  };
}
