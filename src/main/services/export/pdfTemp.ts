/** The prefix of the PDF renderer's temporary folders, which the notebook clears of crash leftovers at open; alone so that loads nothing. */
export const PDF_TEMP_PREFIX = 'sourcebook-pdf-';
