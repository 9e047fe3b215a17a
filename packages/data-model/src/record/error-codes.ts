/** The stable codes record validation reports. Clients may branch on these; never rename one. */
export const RECORD_ERROR_CODES = [
  'required',
  'unknownField',
  'type',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'option',
  'email',
  'url',
  'mobile',
  'residentIdFormat',
  'residentIdChecksum',
  'residentIdBirthDate',
  'currency',
  'currencyNotAllowed',
  'decimal',
  'decimalPrecision',
  'date',
  'datetime',
  'integer',
  'json',
  'reference',
] as const;

export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];
