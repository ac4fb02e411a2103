import MarkdownIt from 'markdown-it';

/**
 * The one reading of an article's markdown, for chat and for its web page alike: CommonMark with tables and
 * bare addresses made links. Raw HTML is off, so `<script>` in an article is text, never markup; markdown-it
 * also refuses `javascript:`, `vbscript:`, `file:` and (non-image) `data:` links.
 */
export const articleMarkdown = new MarkdownIt({ html: false, linkify: true });
