/**
 * The sample pulse survey, for the README and for an admin to copy into SURVEYS_DIR. It is not live: the desk
 * ships no survey folder (the top level of the repository is fixed), so nobody is surveyed until an admin
 * decides to. A test checks it parses.
 */
export const examplePulseSurveyYaml = `# A pulse survey: save as e.g. surveys/quarterly-pulse.yaml in SURVEYS_DIR.
id: quarterly-pulse            # kebab-case, unique across the folder
title: How is the IT help desk doing?
anonymous: true                # answers are never shown with the person's name (default false)
questions:                     # one to three
  - id: overall
    kind: scale                # scale (1-5), yes_no or text
    text: Overall, how satisfied are you with the IT help desk?
  - id: recommend
    kind: yes_no
    text: Would you recommend the help desk to a colleague?
  - id: improve
    kind: text
    text: What one thing should we do better?
audience:                      # { usedWithinDays: N }, optionally with platform: slack | teams | local,
  usedWithinDays: 90           # or { place: 'platform:address' } such as 'slack:C0123' or 'local:#it-general'
schedule: '0 9 1 1,4,7,10 *'   # 5-field cron in COE_TIME_ZONE (09:00 on 1 Jan, Apr, Jul, Oct), or none
`;
