import { ENDPOINTS } from '@kodbok/contracts';
import { expect, test, unique } from '../support/fixtures';

test.describe('study attributes', () => {
  test('set one attribute for selected studies, see it in the project list, edit one study', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }, testInfo) => {
    const project = await ownerApi.createProject(unique('Attributes'));
    for (const [title, country] of [
      ['Grim 2022', 'Sweden'],
      ['Åkerblom 2023', 'Norway'],
      ['Wall 2022', 'Sweden'],
    ] as const) {
      await ownerApi.call(ENDPOINTS.createStudy, {
        params: { projectId: project.id },
        body: {
          title,
          text: `Abstract of ${title}.`,
          attributes: { country },
        },
      });
    }
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('checkbox', { name: 'Select Grim 2022' }).check();
    await page.getByRole('checkbox', { name: 'Select Wall 2022' }).check();
    const bulk = page.getByRole('form', { name: 'Set an attribute for 2 studies' });
    await checkA11y(page);
    await bulk.getByLabel('Attribute').fill('design');
    await bulk.getByLabel('Value').fill('Individual interviews');
    await bulk.getByRole('button', { name: 'Set for 2 studies' }).click();
    await expect(page.getByRole('status')).toContainText(
      'Set design = Individual interviews for 2 studies',
    );

    await page.getByRole('link', { name: 'Attributes' }).click();
    const design = page.getByRole('row', { name: /^design/ });
    await expect(design).toContainText('Individual interviews 2');
    const country = page.getByRole('row', { name: /^country/ });
    await expect(country.getByRole('list', { name: 'Values of country' })).toHaveText(
      /Sweden 2\s*Norway 1/,
    );
    await country.getByLabel('Type of country').selectOption('category');
    await expect(country.getByLabel('Type of country')).toHaveValue('category');
    await checkA11y(page);
    await page.screenshot({ path: testInfo.outputPath('attributes.png'), fullPage: true });
    await design.getByRole('button', { name: 'Remove design' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove “design”?' });
    await expect(dialog).toContainText('Its values go from 2 studies');
    await dialog.getByRole('button', { name: 'Remove attribute' }).click();
    await expect(page.getByRole('row', { name: /^design/ })).toHaveCount(0);

    await page.getByRole('link', { name: 'Back to studies' }).click();
    await page.getByRole('link', { name: 'Åkerblom 2023' }).click();
    await page.getByText('Study attributes').click();
    const form = page.getByRole('form', { name: 'Study attributes' });
    await form.getByRole('button', { name: 'Add attribute' }).click();
    await form.getByLabel('Attribute 2 name').fill('participants');
    await form.getByLabel('Attribute 2 value').fill('Managers (n=17)');
    await form.getByRole('button', { name: 'Save attributes' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved');
    await page.screenshot({ path: testInfo.outputPath('study-attributes.png') });
    const studies = await ownerApi.call(ENDPOINTS.listStudies, {
      params: { projectId: project.id },
      query: { q: 'Åkerblom' },
    });
    expect(studies[0]!.attributes).toEqual({ country: 'Norway', participants: 'Managers (n=17)' });
  });
});
