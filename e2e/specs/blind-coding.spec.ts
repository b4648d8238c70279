import { ENDPOINTS } from '@kodbok/contracts';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { expect, test } from '../support/fixtures';
import { arrangeStudy, documentText } from '../support/workspace';
import {
  addTeam,
  highlightsOf,
  codeInUi,
  codebookEntry,
  coderChoice,
} from '../support/consistency';

const TEXT =
  'Peer workers felt stigma from staff on the ward. Supervision was rare, and role clarity was lacking in most teams.';
const at = (quote: string) => [TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length] as const;

test.describe('blind double coding', () => {
  test('coders code the same study without seeing each other; the supervisor sees both, marked, and can narrow to one', async ({
    ownerPage,
    ownerApi,
    signInAs,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Supervision']);
    const [astrid, bo, sam] = await addTeam(ownerApi, s.project.id, [
      { name: 'Astrid Svensson', role: 'coder' },
      { name: 'Bo Karlsson', role: 'coder' },
      { name: 'Sam Supervisor', role: 'supervisor' },
    ]);

    // The owner switches independent coding on in the settings.
    await ownerPage.goto(`/projects/${s.project.id}/settings`);
    const toggle = ownerPage.getByRole('switch', {
      name: 'Coders work independently (blind double coding)',
    });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect
      .poll(
        async () =>
          (await ownerApi.call(ENDPOINTS.getProject, { params: { projectId: s.project.id } }))
            .independentCoding,
      )
      .toBe(true);

    // Astrid codes first; Bo codes another passage of the same study.
    const astridPage = await signInAs(astrid!);
    await astridPage.goto(s.url);
    await expect(astridPage.getByText('Independent coding').first()).toBeVisible();
    await codeInUi(astridPage, ...at('felt stigma from staff'), 'Stigma');

    const boPage = await signInAs(bo!);
    await boPage.goto(s.url);
    await expect(documentText(boPage)).toContainText('Supervision was rare');
    // Nothing of Astrid's: no highlight, no count, and no way to ask for it.
    await expect(boPage.locator('.doc-text .hl')).toHaveCount(0);
    await expect(codebookEntry(boPage, 'Stigma')).toHaveAccessibleName('Stigma, 0 highlights');
    await expect(coderChoice(boPage).button).toHaveCount(0);
    await codeInUi(boPage, ...at('Supervision was rare'), 'Supervision');
    await expect(boPage.locator('.doc-text .hl')).toHaveText(['Supervision was rare']);

    await astridPage.reload();
    await expect(astridPage.locator('.doc-text .hl')).toHaveText(['felt stigma from staff']);
    // The study list counts only her own highlights too.
    await expect(
      astridPage.getByRole('navigation', { name: 'Studies' }).getByRole('link'),
    ).toHaveAccessibleName(/highlights shown: 1$/);
    await expect(codebookEntry(astridPage, 'Supervision')).toHaveAccessibleName(
      'Supervision, 0 highlights',
    );
    await expect(codebookEntry(astridPage, 'Stigma')).toHaveAccessibleName('Stigma, 1 highlight');
    expect((await highlightsOf(ownerApi, s.documentId)).length).toBe(2);

    // The supervisor sees both, each with its coder's mark, and a legend naming the marks.
    const samPage = await signInAs(sam!);
    await samPage.goto(s.url);
    await expect(samPage.locator('.doc-text .hl')).toHaveCount(2);
    const legend = samPage.getByRole('list', { name: 'Coders shown and their marks' });
    await expect(legend.getByRole('listitem')).toHaveCount(2);
    await expect(legend).toContainText('Astrid Svensson');
    await expect(legend).toContainText('Bo Karlsson');
    await expect(samPage.locator('.hl', { hasText: 'felt stigma from staff' })).toHaveAttribute(
      'data-coder-marks',
      'AS',
    );
    await expect(samPage.locator('.hl', { hasText: 'Supervision was rare' })).toHaveAttribute(
      'data-coder-marks',
      'BK',
    );
    await expect(samPage.locator('.doc-stripes .stripe').first()).toHaveAttribute(
      'title',
      /Astrid Svensson \(AS\)|Bo Karlsson \(BK\)/,
    );
    await expect(codebookEntry(samPage, 'Stigma')).toHaveAccessibleName('Stigma, 1 highlight');

    // Narrowed to Bo: only his coding, and the codebook counts follow.
    const choice = coderChoice(samPage);
    await choice.button.click();
    await choice.option('Bo Karlsson').check();
    await expect(samPage.locator('.doc-text .hl')).toHaveText(['Supervision was rare']);
    await expect(codebookEntry(samPage, 'Stigma')).toHaveAccessibleName('Stigma, 0 highlights');
    await expect(legend).toHaveCount(0);
    // Escape closes the popover and gives the button its focus back.
    await samPage.keyboard.press('Escape');
    await expect(choice.panel).toBeHidden();
    await expect(choice.button).toBeFocused();
    await expect(choice.button).toHaveAccessibleName('Coding shown Bo Karlsson');

    // The choice is kept for this project: a reload still shows Bo's coding only.
    await samPage.reload();
    await expect(documentText(samPage)).toContainText('Peer workers');
    await expect(samPage.locator('.doc-text .hl')).toHaveCount(1);

    // A click outside closes it too.
    await choice.button.click();
    await expect(choice.panel).toBeVisible();
    await samPage.getByRole('heading', { level: 1 }).click();
    await expect(choice.panel).toBeHidden();
  });

  test('a supervisor showing only the consensus codes into it', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
    await page.goto(s.url);
    await expect(documentText(page)).toContainText('Peer workers');
    await expect(page.getByText('Coding into Consensus')).toHaveCount(0);
    const choice = coderChoice(page);
    await choice.button.click();
    await choice.option('Consensus').check();
    await page.keyboard.press('Escape');
    await expect(page.getByText('Coding into Consensus')).toBeVisible();
    await codeInUi(page, ...at('felt stigma'), 'Stigma');
    await expect
      .poll(async () =>
        (await highlightsOf(ownerApi, s.documentId, 'consensus')).map((h) => [h.coderId, h.quote]),
      )
      .toEqual([[CONSENSUS_CODER_ID, 'felt stigma']]);
    // The owner's own coding is not the consensus.
    expect(await highlightsOf(ownerApi, s.documentId, 'me')).toEqual([]);
    await expect(page.locator('.doc-text .hl')).toHaveText(['felt stigma']);

    // The analysis coder filter offers the consensus, and counts it.
    await page.goto(`/projects/${s.project.id}/analysis/frequencies`);
    const filter = page.locator('summary', { hasText: /^Coders:/ });
    await filter.click();
    // The filter lives in the URL: the box is ticked once the URL says so.
    const consensus = page.getByRole('checkbox', { name: 'Consensus (agreed coding)' });
    await consensus.click();
    await expect(consensus).toBeChecked();
    await expect(page).toHaveURL(/coder=consensus/);
    await expect(page.getByRole('row', { name: /Stigma/ })).toContainText('1');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('checkbox', { name: 'Consensus (agreed coding)' })).toBeHidden();
    await expect(filter).toBeFocused();
    await expect(filter).toHaveText('Coders: Consensus');
  });
});

test.describe('whose coding, without independent coding', () => {
  test('a coder sees everyone’s coding, or only their own', async ({ ownerApi, signInAs }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Supervision']);
    const [cora] = await addTeam(ownerApi, s.project.id, [{ name: 'Cora Coder', role: 'coder' }]);
    const [start, end] = at('Supervision was rare');
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start,
        end,
        quote: 'Supervision was rare',
        codeIds: [s.codes[1]!.id],
      },
    });
    const page = await signInAs(cora!);
    await page.goto(s.url);
    await expect(page.locator('.doc-text .hl')).toHaveCount(1);
    await codeInUi(page, ...at('felt stigma'), 'Stigma');
    // Two coders on screen: a legend says whose mark is whose.
    await expect(
      page.getByRole('list', { name: 'Coders shown and their marks' }).getByRole('listitem'),
    ).toHaveCount(2);
    const onlyMine = page.getByRole('checkbox', { name: 'Only my coding' });
    await onlyMine.check();
    await expect(page.locator('.doc-text .hl')).toHaveText(['felt stigma']);
    await expect(codebookEntry(page, 'Supervision')).toHaveAccessibleName(
      'Supervision, 0 highlights',
    );
    await onlyMine.uncheck();
    await expect(page.locator('.doc-text .hl')).toHaveCount(2);
    await expect(codebookEntry(page, 'Supervision')).toHaveAccessibleName(
      'Supervision, 1 highlight',
    );
  });
});

test.describe('assignments and progress', () => {
  test('the owner assigns a study to two coders; a coder finds it in their queue and marks it done; the owner sees it', async ({
    ownerPage: page,
    ownerApi,
    signInAs,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
    const [astrid, bo] = await addTeam(ownerApi, s.project.id, [
      { name: 'Astrid Svensson', role: 'coder' },
      { name: 'Bo Karlsson', role: 'coder' },
    ]);

    // The studies chosen on the Studies page arrive at the assignment form.
    await page.goto(`/projects/${s.project.id}`);
    await page.getByRole('checkbox', { name: `Select ${s.study.title}` }).check();
    await page.getByRole('link', { name: 'Assign the 1 selected to coders…' }).click();
    await expect(page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: 'Assign studies' });
    await expect(
      form.getByRole('radio', { name: 'Selected on the Studies page (1)' }),
    ).toBeChecked();
    await expect(form.getByRole('radio', { name: 'All studies (1)' })).not.toBeChecked();
    await form.getByRole('checkbox', { name: 'Astrid Svensson' }).check();
    await form.getByRole('checkbox', { name: 'Bo Karlsson' }).check();
    await form.getByRole('radio', { name: 'Each study to all of them' }).check();
    await expect(form).toContainText('Each coder gets 1 study; each study is coded by 2 coders');
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect(page.getByText('2 assignments made.')).toBeVisible();
    const coders = page.getByRole('table', { name: 'Progress per coder' });
    await expect(coders.getByRole('row', { name: /Astrid Svensson/ })).toContainText('0 % done');

    // Astrid's queue holds the study; she opens it, codes, and marks it done in the workspace.
    const astridPage = await signInAs(astrid!);
    await astridPage.goto(`/projects/${s.project.id}/progress`);
    await expect(astridPage.getByRole('heading', { name: 'My queue', level: 1 })).toBeVisible();
    const queue = astridPage.getByRole('table', { name: 'My queue' });
    await expect(queue.getByRole('row')).toHaveCount(2);
    await expect(queue).toContainText('To do');
    await queue.getByRole('link').click();
    await expect(documentText(astridPage)).toContainText('Peer workers');
    // The sidebar marks the study as assigned.
    await expect(
      astridPage.getByRole('navigation', { name: 'Studies' }).getByRole('link'),
    ).toContainText('assigned to you');
    await codeInUi(astridPage, ...at('felt stigma'), 'Stigma');
    await astridPage.getByRole('button', { name: 'Mark study done' }).click();
    await expect(astridPage.getByRole('button', { name: 'Reopen' })).toBeVisible();
    await expect(astridPage.getByText('✓ Done')).toBeVisible();
    await astridPage.goto(`/projects/${s.project.id}/progress`);
    await expect(queue).toContainText('✓ Done');
    await expect(astridPage.getByText(`All 1 done.`)).toBeVisible();

    // The owner sees Astrid done, Bo not yet, and the study still open.
    await page.reload();
    await expect(coders.getByRole('row', { name: /Astrid Svensson/ })).toContainText('100 % done');
    await expect(coders.getByRole('row', { name: /Bo Karlsson/ })).toContainText('0 % done');
    const studies = page.getByRole('table', { name: 'Progress per study' });
    await expect(studies.getByRole('row').nth(1)).toContainText('In progress');
    await expect(studies.locator('.assignee')).toHaveText([/Astrid Svensson/, /Bo Karlsson/]);

    // Unassigning Bo leaves the study done by its one remaining coder.
    await studies.getByRole('button', { name: /^Unassign Bo Karlsson from / }).click();
    await expect(studies.getByRole('row').nth(1)).toContainText('Done');
    await expect(studies).not.toContainText('Bo Karlsson');
    const boPage = await signInAs(bo!);
    await boPage.goto(`/projects/${s.project.id}/progress`);
    await expect(boPage.getByText('Nothing is assigned to you yet.')).toBeVisible();
  });
});
