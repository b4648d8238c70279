import { ENDPOINTS } from '@kodbok/contracts';
import { expect, test, unique } from '../support/fixtures';

test.describe('joining a project by invitation', () => {
  test('a manager invites by e-mail, and the invitee accepts on their Projects page', async ({
    ownerApi,
    ownerPage: page,
    signInAs,
    checkA11y,
  }, testInfo) => {
    const project = await ownerApi.createProject(unique('Invited'));
    const declined = await ownerApi.createProject(unique('Not for me'));
    const ingrid = await ownerApi.createUser('Ingrid Invitee');
    const ghost = `${unique('nobody')}@example.org`;

    await page.goto(`/projects/${project.id}/settings`);
    const members = page.getByRole('region', { name: 'Members' });
    for (const email of [ingrid.email, ghost]) {
      await members.getByLabel('Email to invite').fill(email);
      await members.getByLabel('Role', { exact: true }).selectOption('coder');
      await members.getByRole('button', { name: 'Send invitation' }).click();
      await expect(page.getByText(`Invitation sent to ${email} as coder.`)).toBeVisible();
    }
    const pending = members.getByRole('table', { name: 'Pending invitations' });
    await expect(pending.getByRole('row')).toHaveCount(3);
    // Invited is not joined: the member list still holds the owner alone.
    await expect(members.getByRole('table', { name: 'Members' }).getByRole('row')).toHaveCount(2);
    await pending.getByRole('button', { name: `Withdraw invitation to ${ghost}` }).click();
    await expect(page.getByText(`Invitation to ${ghost} withdrawn.`)).toBeVisible();
    await expect(pending.getByRole('row')).toHaveCount(2);
    await expect(pending.getByRole('cell', { name: ingrid.email, exact: true })).toBeVisible();
    await checkA11y(page);
    await members.screenshot({ path: testInfo.outputPath('settings-members.png') });

    await ownerApi.call(ENDPOINTS.createInvitation, {
      params: { projectId: declined.id },
      body: {
        email: ingrid.email,
        role: 'viewer',
      },
    });
    const invitee = await signInAs(ingrid);
    await invitee.goto('/');
    const invitations = invitee.getByRole('region', { name: 'Invitations' });
    await expect(invitations.getByRole('listitem')).toHaveCount(2);
    await expect(invitations).toContainText(`${project.name} Olivia Owner invited you as coder`);
    await checkA11y(invitee);
    await invitee.screenshot({ path: testInfo.outputPath('projects-invitations.png') });

    await invitations
      .getByRole('button', { name: `Decline invitation to ${declined.name}` })
      .click();
    await expect(invitee.getByText(`Invitation to “${declined.name}” declined.`)).toBeVisible();
    await invitations.getByRole('button', { name: `Accept invitation to ${project.name}` }).focus();
    await invitee.keyboard.press('Enter');
    await expect(invitee.getByText(`You joined “${project.name}” as coder.`)).toBeVisible();
    await expect(invitations).toHaveCount(0);
    const yours = invitee.getByRole('list', { name: 'Your projects' });
    await expect(yours.getByRole('link')).toHaveCount(1);
    await yours.getByRole('link', { name: new RegExp(project.name) }).click();
    await expect(invitee).toHaveURL(new RegExp(`/projects/${project.id}$`));

    await page.reload();
    await expect(members.getByRole('cell', { name: 'Ingrid Invitee', exact: true })).toBeVisible();
    await expect(members.getByText('No invitations are waiting for an answer.')).toBeVisible();
  });
});
