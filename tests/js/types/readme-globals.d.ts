// The free names of the package README's examples (tests/js/types.test.mjs type-checks each example
// as a module with these in scope): what a page or script would have.
declare const file: File;
declare const exportFile: File;
declare const bytes: Uint8Array;
declare const firstBytes: Uint8Array;
declare const usersFile: File;
declare const groupsFile: File;
declare const affiliationsFile: File;
/** The files of a CELF bundle by role, as an example might have them. */
declare const files: { users: File; groups: File; affiliations: File };
declare const cancelButton: HTMLButtonElement;
declare const uploadButton: HTMLButtonElement;
declare const progressBar: HTMLProgressElement;
declare function show(report: unknown): void;
declare function download(bytes: Uint8Array, name: string): void;
