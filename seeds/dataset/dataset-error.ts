/** One problem in the curated files, located precisely enough to fix it. */
export interface DatasetError {
  /** The file as reached from the data directory given, e.g. `seeds/data/organisations.yaml`. */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file or directory. */
  line: number;
  /** Path of the field inside the file, e.g. `organisations[3].type`; empty for the whole file. */
  field: string;
  message: string;
}

/** `seeds/data/organisations.yaml:42 organisations[3].type: unknown organisation type "FOO"` */
export function formatDatasetError(error: DatasetError): string {
  const place = error.line > 0 ? `${error.file}:${error.line}` : error.file;
  return error.field === '' ? `${place}: ${error.message}` : `${place} ${error.field}: ${error.message}`;
}

/** Orders errors by file, then line, so that reports read top to bottom. */
export function sortDatasetErrors(errors: readonly DatasetError[]): DatasetError[] {
  return [...errors].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
