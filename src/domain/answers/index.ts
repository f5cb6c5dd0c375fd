/**
 * Self-service answers (issue 14): the answer index behind the "Ask platform support" page, the
 * ranking of doc links for a question, the validation of an ask, the ask events log and the
 * Answers analytics (per topic and doc link: suggested, chosen, helpful; the self-service
 * resolution rate; the automated response rate from real ask events). Pure: no Apps Script globals.
 *
 * Curated without code:
 * - the Topics tab's Keywords and Doc link columns (one link per topic);
 * - an optional "Answer links" tab (Topic, Title, Link, Keywords, Disabled): more links per topic,
 *   each with its own title and keywords.
 * Sheet content is untrusted: only absolute http(s) links are ever suggested.
 */

export * from './links';
export * from './askLog';
export * from './analytics';
