package dev.seqlab.core.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks made before an input file is opened, so that a directory, a device such as
 * {@code /dev/zero} or a named pipe given where a file belongs fails at once with one line naming
 * it, instead of reading forever or waiting for a writer.
 */
public final class InputFiles {

    private InputFiles() {}

    /**
     * Returns {@code file} when it is a regular file (symbolic links followed).
     *
     * @param what what the file should be, for the message ("a word-vectors file")
     * @throws NoSuchFileException  if nothing is there
     * @throws FileSystemException  naming the file if it is a directory, a device or a pipe
     */
    public static Path requireRegularFile(Path file, String what) throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String kind = Files.isDirectory(file) ? "a directory" : "a device or a pipe";
        throw new FileSystemException(file.toString(), null, "is " + kind + ", not " + what);
    }
}
