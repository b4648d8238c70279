/* The records of ../shared/realworld/imports.md that people checked by hand, as in the files. */

export interface Expected {
  title: string;
  year?: number | null;
  doi?: string | null;
  authors?: string[];
  firstAuthor?: string;
  authorCount?: number;
  journal?: string;
  pmid?: string;
}

/** The hand-checked records of imports.md (title | year | DOI | first author; as in the file). */
export const HAND_CHECKED: Record<string, Expected[]> = {
  'zotero_lens100.ris': [
    {
      title:
        'An open source machine learning framework for efficient and transparent systematic reviews',
      year: 2021,
      doi: '10.1038/s42256-020-00287-7',
      firstAuthor: 'van de Schoot, Rens',
      authorCount: 17,
    },
    {
      title:
        'Computer-Based Interventions for Problematic Alcohol Use: a Review of Systematic Reviews',
      year: 2016,
      doi: '10.1007/s12529-016-9601-8',
      firstAuthor: 'Sundström, Christopher',
    },
  ],
  'lens100_bom_crlf.ris': [
    {
      title:
        'The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing and Localizing Focal Congenital Hyperinsulinism: Systematic Review and Meta-Analysis',
      year: 2012,
      doi: '10.1007/s11307-012-0572-0',
      firstAuthor: 'Blomberg, Björn A.',
    },
  ],
  'scopus127.ris': [
    {
      title: 'Absorptive capacity, knowledge spillovers and incentive contracts',
      year: 2022,
      doi: '10.1016/j.ijindorg.2022.102830',
      firstAuthor: 'Aguiar, L.',
    },
    {
      title: 'Road to digital manufacturing – a longitudinal case-based analysis',
      year: 2021,
      doi: '10.1108/JMTM-06-2019-0226',
      firstAuthor: 'Demeter, K.',
    },
  ],
  'scopus_exportdate.txt': [
    {
      title:
        'Design and prototyping of directly driven outer rotor permanent magnet generator for small scale wind turbines',
      year: 2018,
      doi: '10.15598/aeee.v16i3.2698',
      firstAuthor: 'Vaimann, T.',
    },
  ],
  'wos50.ris': [
    {
      title: 'Absorptive capacity, knowledge spillovers and incentive contracts *',
      year: 2022,
      doi: '10.1016/j.ijindorg.2022.102830',
      firstAuthor: 'Aguiar, L',
      journal: 'INTERNATIONAL JOURNAL OF INDUSTRIAL ORGANIZATION',
    },
  ],
  'embase.ris': [
    {
      title: 'Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound',
      year: 2014,
      doi: '10.4103/2303-9027.138783',
      firstAuthor: 'Liu R.',
      journal: 'Endoscopic Ultrasound',
    },
  ],
  'ovid_psycinfo.ris': [
    {
      title:
        'The influence of self-criticism on depression symptoms among ambulatory patients with inflammatory bowel disease.',
      year: 2019,
      doi: '10.1002/cpp.2398',
      firstAuthor: 'Trindade, Ines A',
    },
  ],
  'proquest.ris': [
    {
      title:
        'Predictors of posttraumatic stress symptom trajectories following the fatal 2011 Christchurch, New Zealand earthquake',
      year: 2019,
      doi: '10.1002/jts.22387',
      firstAuthor: 'Jones, Hannah',
    },
  ],
  'pubmed_zotero.ris': [
    {
      title:
        'The importance of cognitive flexibility and flexibility in coping with stress for the quality of life in inflammatory bowel disease patients during biological therapy. A preliminary report.',
      year: 2019,
      doi: '10.5114/pg.2018.81081',
      firstAuthor: 'Rudnik, Agata',
    },
  ],
  'pubmed_endnote.txt': [
    {
      title:
        'Boswellia serrata: an overall assessment of in vitro, preclinical, pharmacokinetic and clinical data',
      year: 2011,
      doi: '10.2165/11586800-000000000-00000',
      firstAuthor: 'Abdel-Tawab, M.',
      pmid: '21553931',
    },
  ],
  'rayyan_export.txt': [
    {
      title: 'Overcoming Medication Reconciliation Challenges',
      year: 2011,
      doi: null,
      authors: [],
    },
    {
      title: 'Behavioral health care quality among marketplace insurers in 2019',
      year: 2021,
      doi: '10.1176/appi.ps.202000115',
      firstAuthor: 'Abraham, J. M.',
    },
  ],
  'sciencedirect.ris': [
    {
      title: 'Phase separation and ω transformation in binary V-Ti and ternary V-Ti-Cr alloys',
      year: 2016,
      doi: '10.1016/j.actamat.2016.09.028',
      firstAuthor: 'Ghosh, Chanchal',
      journal: 'Acta Materialia',
    },
  ],
  'pubmed200.nbib': [
    {
      title:
        '[Feasibility study of preoperative percutaneous catheter drainage in the treatment of lumbar tuberculosis with psoas abscess].',
      year: 2018,
      doi: '10.3969/j.issn.1003-0034.2018.11.004',
      firstAuthor: 'Lai, Zhen',
    },
  ],
  'pubmed_medline10.txt': [
    {
      title: 'Time lapse: A glimpse into prehistoric genomics.',
      year: 2020,
      doi: '10.1016/j.ejmg.2019.03.004',
      firstAuthor: 'Griffin, Darren K',
    },
  ],
  'zotero_bbt_901.bib': [
    {
      title:
        "Considérations d'un philosophe sur l'économique du néo-conservatisme (néo-libéralisme)",
      year: 2003,
      firstAuthor: 'Bunge, Mario',
    },
    { title: 'General Systems and Holism', year: 1977, firstAuthor: 'Bunge, MA' },
  ],
  'jabref5_crlf.bib': [
    {
      title:
        'Characterization and Evaluation of Mechanical Properties and Residual Stress in Aluminum-Magnesium Alloys Welded by the FSW Process',
      year: 2020,
      doi: '10.4028/www.scientific.net/MSF.1012.349',
      firstAuthor: 'Colaço, D. B.',
    },
  ],
  'jabref210_wrapped.bib': [
    {
      title: '256-Channel Neural Recording and Delta Compression Microsystem With 3D Electrodes',
      year: 2009,
      doi: '10.1109/JSSC.2008.2010997',
      firstAuthor: 'Aziz, Joseph N. Y.',
      authorCount: 8,
    },
  ],
  'jabref22_strings.bib': [
    {
      title: 'RAMP: Research Accelerator for Multiple Processors',
      year: 2006,
      firstAuthor: 'Patterson, David',
      authorCount: 10,
    },
  ],
  'scopus170.bib': [
    {
      title:
        'Analysis of friction stir welds using numerical modelling approach: a comprehensive review',
      year: 2024,
      doi: '10.1007/s12008-023-01324-6',
      firstAuthor: 'Sharma, Yogita',
    },
  ],
  'wos37.bib': [
    {
      title:
        'Effect of the gap width in AZ31 magnesium alloy joints obtained by friction stir welding',
      year: 2021,
      doi: '10.1016/j.jmrt.2021.10.115',
      firstAuthor: 'Chiuzuli, Fernanda Rocha',
      journal: 'JOURNAL OF MATERIALS RESEARCH AND TECHNOLOGY-JMR&T',
    },
  ],
  'scopus127.csv': [
    {
      title: 'Absorptive capacity, knowledge spillovers and incentive contracts',
      year: 2022,
      doi: '10.1016/j.ijindorg.2022.102830',
      authors: ['Aguiar, L.', 'Gagnepain, P.'],
    },
  ],
  'embase.csv': [
    {
      title: 'Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound',
      year: 2014,
      authors: ['Liu, R.', 'Adler, D.G.'],
      journal: 'Endoscopic Ultrasound',
    },
  ],
  'pubmed_export.csv': [
    {
      title: 'Dermatology on Google',
      year: 2018,
      doi: null,
      pmid: '29906016',
      authors: ['Hill, MK', 'Patel, RR', 'Anand, P', 'Dellavalle, RP'],
    },
  ],
  'wos_plaintext12.txt': [
    {
      title:
        "Caregivers' views on stigmatization and discrimination of people affected by leprosy in Ghana",
      year: 2018,
      doi: '10.1371/journal.pntd.0006219',
      firstAuthor: 'Asampong, Emmanuel',
    },
  ],
  'wos_plaintext_named.ris': [
    {
      title:
        'Interactions stabilizing the structure of the core light-harvesting complex (LHl) of photosynthetic bacteria and its subunit (B820)',
      year: 2004,
      doi: '10.1021/bi049798f',
      firstAuthor: 'Parkes-Loach, PS',
    },
  ],
};
