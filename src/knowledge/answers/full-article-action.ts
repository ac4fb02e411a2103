import { allows } from '../../commands/audience.ts';
import { defineAction } from '../../commands/feature.ts';
import { articleCopy } from '../../messages/article-copy.ts';
import { articlePageUrl } from '../articles/article-url.ts';
import { fullArticleWire } from './answer-buttons.ts';
import { toFullArticleMessages } from './full-article-view.ts';

/**
 * "Show the steps" / "Full article": the whole article as replies under the answer, which stays as it was.
 * An article gone since (renamed, retired), or one for the help desk pressed by someone else, is a sentence.
 */
export const fullArticle = defineAction({
  ...fullArticleWire,
  async run(ctx, person, _place, { articleId }) {
    const article = ctx.kb.get(articleId);
    if (!article || (article.audience === 'staff' && !allows('staff', person))) return { text: articleCopy.gone };
    return toFullArticleMessages(article, articlePageUrl(ctx.publicUrl, article));
  },
});
