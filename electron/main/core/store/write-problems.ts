// Runs in the main process and the preview host (Node). What a failed write's error code means, in the rep's words.
// Zero imports, so both the notice and the error the services see can use it.
const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'Second Step is not allowed to write to its data folder',
  EPERM: 'Second Step is not allowed to write to its data folder',
  EROFS: 'the data folder is read-only',
};

export const writeProblem = (code: string): string => WRITE_PROBLEMS[code] ?? 'the data file could not be written';
