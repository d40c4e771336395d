# error messages (en). Ids start with `error-`; see src/locale/mod.rs.

error-unknown-lang = unknown --lang `{ $value }`: stackfit speaks en and ko
error-io-not-found = no such file or directory
error-io-permission = permission denied
error-kind-fifo = a FIFO (named pipe)
error-kind-char-device = a character device
error-kind-block-device = a block device
error-kind-socket = a socket
error-kind-directory = a directory
error-kind-other = not a regular file
error-cannot-read = { $name }: cannot read { $what }: { $why }
error-not-regular = { $name }: is { $kind }, expected a { $what } (stackfit reads regular files only)
error-file-limit = { $name }: { $what } is larger than the limit of { $limit } bytes (set STACKFIT_MAX_FILE_BYTES to raise it)
error-total-limit = { $name }: the files of this run add up to more than { $limit } bytes (set STACKFIT_MAX_TOTAL_BYTES to raise it)
error-load-limit = { $name }: more than { $limit } files were loaded in this run (includes, extends and env files count; set STACKFIT_MAX_LOADS to raise it)
error-cannot-write = cannot write { $path }: { $why }
error-write-symlink = it is a symbolic link; stackfit does not write through links
error-write-exists = it already exists
error-write-not-regular = it is not a regular file (a directory, socket or block device)
error-write-read-only = it is read-only
error-write-input = it is one of the inputs
error-step-summary = cannot append to the file named by GITHUB_STEP_SUMMARY: { $why }
error-did-you-mean = { " " }(did you mean `{ $candidate }`?)
error-related-defined = value defined at
error-related-noticed = the parser noticed it at
error-declared-in-file = declared in the input file
error-declared-in-config = declared in { $file }:{ $line }
error-declared-assume = declared with --assume
error-assume-form = --assume expects KEY=VALUE, got `{ $given }`
error-assume-bad = --assume { $given }: { $why }
error-unknown-class = unknown classification `{ $word }`{ $suggestion }; one of: { $words }
