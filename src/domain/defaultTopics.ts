/**
 * The starter Topics tab: the users' own published topic list, each topic with its description,
 * routing (VSP team, practice area), starter keywords and doc link.
 */
export interface TopicDef {
  topic: string;
  description: string;
  vspTeam: string;
  practiceArea: string;
  keywords: string;
  docLink: string;
}

/** The users' own published topic list, with routing and starter keywords. */
export const DEFAULT_TOPICS: readonly TopicDef[] = [
  t(
    'API',
    'Questions about vets-api endpoints, upstream services and API contracts.',
    'Backend Tools',
    'Backend',
    'api, endpoint, vets-api, upstream, 500, swagger',
  ),
  t(
    'Access Request',
    'Requests for access to GitHub, AWS, Datadog, Sentry or other platform systems.',
    'Operations/DevOps',
    'DevOps',
    'access, permission, grant, invite, onboard account, aws account',
  ),
  t(
    'Accessibility',
    'Accessibility reviews, 508/WCAG questions and assistive-technology testing.',
    'Collaboration Cycle',
    'Accessibility',
    'a11y, accessibility, 508, wcag, screen reader, axe',
  ),
  t(
    'App Logging/Monitoring',
    'Logging, Sentry, alerts and monitoring of applications.',
    'Operations/DevOps',
    'DevOps',
    'logging, logs, sentry, alert, monitoring, pagerduty',
  ),
  t(
    'App Setup',
    'Setting up a new app or local environment in vets-website or vets-api.',
    'Frontend Tools',
    'Frontend',
    'setup, local, install, yarn, docker, new app, scaffold',
  ),
  t(
    'Automated Tests',
    'Unit, e2e and Cypress test authoring and flakiness.',
    'Frontend Tools',
    'QA',
    'cypress, unit test, e2e, mocha, jest, flaky',
  ),
  t(
    'CI Error',
    'Failures in continuous integration: GitHub Actions, Jenkins, builds.',
    'Operations/DevOps',
    'DevOps',
    'ci, jenkins, github actions, build failed, workflow, ci failing',
  ),
  t(
    'Collaboration Cycle',
    'Collaboration Cycle touchpoints, kickoffs and reviews.',
    'Collaboration Cycle',
    'Product',
    'collaboration cycle, kickoff, midpoint review, staging review, touchpoint',
  ),
  t(
    'Console UI',
    'The platform console user interface.',
    'Frontend Tools',
    'Frontend',
    'console, console ui',
  ),
  t(
    'Content & IA',
    'Content, information architecture, URLs and navigation.',
    'Content & IA',
    'Content',
    'content, ia, url, navigation, breadcrumb, drupal page',
  ),
  t(
    'Datadog',
    'Datadog dashboards, monitors and access.',
    'Operations/DevOps',
    'DevOps',
    'datadog, dd, dashboard, monitor, apm',
  ),
  t(
    'Design',
    'Design questions and design reviews.',
    'Service Design',
    'Design',
    'design, figma, mockup, sketch, ux',
  ),
  t(
    'Design System',
    'VA Design System components, patterns and web components.',
    'Frontend Tools',
    'Design',
    'design system, component, va-button, web component, formation, uswds',
  ),
  t(
    'Environments',
    'Dev, staging and production environments and their configuration.',
    'Operations/DevOps',
    'DevOps',
    'environment, staging, dev, prod, env var, settings.yml',
  ),
  t(
    'Failed Deployment',
    'A deployment that failed or was rolled back.',
    'Operations/DevOps',
    'DevOps',
    'deploy failed, deployment failed, rollback, failed deploy',
  ),
  t(
    'Forms',
    'Forms library, form system and form submissions.',
    'Frontend Tools',
    'Frontend',
    'form, forms library, form system, schemaform, submission',
  ),
  t(
    'Google Analytics/Domo',
    'Analytics tagging, Google Analytics and Domo dashboards.',
    'Analytics & Insights',
    'Analytics',
    'google analytics, ga, domo, tagging, gtm, analytics',
  ),
  t(
    'Off-Cycle Deployment',
    'Requests for a deployment outside the normal schedule.',
    'Operations/DevOps',
    'DevOps',
    'off-cycle, off cycle, hotfix, urgent deploy',
  ),
  t(
    'Orientation/Onboarding',
    'Platform orientation and onboarding of new team members.',
    'Product Support',
    'Product',
    'orientation, onboarding, new team, getting started',
  ),
  t(
    'PR Review',
    'Pull-request reviews requested from the platform.',
    'Frontend Tools',
    'Frontend',
    'pr review, pull request, review my pr, code review, approve',
  ),
  t(
    'Pipeline',
    'The deployment pipeline and daily deploys.',
    'Operations/DevOps',
    'DevOps',
    'pipeline, daily deploy, release, build pipeline',
  ),
  t(
    'Platform website content',
    'Content of the platform documentation website.',
    'Content & IA',
    'Content',
    'platform website, docs site, documentation content',
  ),
  t(
    'Platform website publishing',
    'Publishing to the platform documentation website.',
    'Content & IA',
    'Content',
    'publish, publishing, platform website publish',
  ),
  t(
    'QA',
    'Quality assurance, test plans and QA standards.',
    'Product Support',
    'QA',
    'qa, test plan, quality, regression',
  ),
  t(
    'Review Instance',
    'Review instances for branches and pull requests.',
    'Operations/DevOps',
    'DevOps',
    'review instance, ri, preview environment, review app',
  ),
  t(
    'SOCKS',
    'The SOCKS proxy for reaching internal systems.',
    'Operations/DevOps',
    'DevOps',
    'socks, proxy, vpn, tunnel',
  ),
  t(
    'Security',
    'Security reviews, vulnerabilities and secrets.',
    'Operations/DevOps',
    'DevOps',
    'security, vulnerability, cve, secret, snyk, dependabot',
  ),
  t(
    'Test Accounts/Data',
    'Test users, test accounts and test data.',
    'Product Support',
    'QA',
    'test account, test user, test data, login.gov, id.me',
  ),
  t(
    'Test Failure',
    'A test failing in a build or locally.',
    'Frontend Tools',
    'QA',
    'test failure, failing test, test failed, broken test',
  ),
  t(
    'Testing Tool Access',
    'Access to testing tools such as TestRail or BrowserStack.',
    'Product Support',
    'QA',
    'testrail, browserstack, testing tool access',
  ),
  t(
    'Testing Tools',
    'Questions about the testing tools themselves.',
    'Frontend Tools',
    'QA',
    'testing tools, testrail, browserstack, tool',
  ),
  t(
    'VA.gov Incident',
    'An outage or incident affecting VA.gov.',
    'Operations/DevOps',
    'DevOps',
    'incident, outage, down, 503, sev',
  ),
  t('Something Else', 'Anything that does not fit another topic.', 'Other', 'Product', ''),
];

function t(
  topic: string,
  description: string,
  vspTeam: string,
  practiceArea: string,
  keywords: string,
  docLink = '',
): TopicDef {
  return { topic, description, vspTeam, practiceArea, keywords, docLink };
}
