import { ENDPOINTS } from '@kodbok/contracts';
import { expect, test, unique } from '../support/fixtures';

test.describe('the activity log', () => {
  test('an owner follows the link from settings and reads who changed what', async ({
    ownerApi,
    ownerPage: page,
    checkA11y,
  }, testInfo) => {
    const project = await ownerApi.createProject(unique('Logged'));
    const code = await ownerApi.createCode(project.id, 'Stigma');
    await ownerApi.call(ENDPOINTS.updateCode, {
      params: { codeId: code.id },
      body: { name: 'Felt <em>stigma</em>' },
    });
    await ownerApi.createStudy(project.id, 'Peer work in Norway', 'Some text.');

    await page.goto(`/projects/${project.id}/settings`);
    await page.getByRole('link', { name: 'See the activity log' }).click();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    const entries = page
      .getByRole('list', { name: 'Activity, newest first' })
      .getByRole('listitem');
    await expect(entries).toHaveCount(4);
    await expect(entries.nth(0)).toContainText(
      'Olivia Owner added the study “Peer work in Norway”',
    );
    // Names are text, never markup.
    await expect(entries.nth(1)).toContainText(
      'changed the code “Felt <em>stigma</em>”: renamed from “Stigma”',
    );
    await expect(entries.nth(3)).toContainText(`created the project “${project.name}”`);
    await checkA11y(page);
    await page.screenshot({ path: testInfo.outputPath('activity.png'), fullPage: true });
  });

  test('a supervisor gets no link and no log', async ({ ownerApi, signInAs }) => {
    const project = await ownerApi.createProject(unique('Private log'));
    const supervisor = await ownerApi.createUser('Siri Supervisor');
    await ownerApi.addMember(project.id, supervisor.email, 'supervisor');
    const page = await signInAs(supervisor);
    await page.goto(`/projects/${project.id}/settings`);
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See the activity log' })).toHaveCount(0);
    await page.goto(`/projects/${project.id}/activity`);
    await expect(page.getByText('Only the project’s owners see its activity.')).toBeVisible();
  });
});
