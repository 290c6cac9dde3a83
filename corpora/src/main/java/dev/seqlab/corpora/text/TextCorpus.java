package dev.seqlab.corpora.text;

import dev.seqlab.core.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sentences streamed from a text file or from the files under a directory: see
 * {@link Corpus#of(Path, TextCorpusOptions)}. Each pass reads the files again, a bounded piece at
 * a time.
 */
public final class TextCorpus implements Corpus {
    private final Path root;
    private final List<Path> files;
    private final TextCorpusOptions options;

    private TextCorpus(Path root, List<Path> files, TextCorpusOptions options) {
        this.root = root;
        this.files = files;
        this.options = options;
    }

    static TextCorpus open(Path path, TextCorpusOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such corpus file or directory");
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> !isHidden(path, p))
                        .sorted()
                        .collect(Collectors.toUnmodifiableList());
            }
            if (files.isEmpty()) {
                throw new IOException(path + ": the corpus directory holds no file");
            }
        } else {
            files = List.of(InputFiles.requireRegularFile(path, "a corpus file or directory"));
        }
        return new TextCorpus(path, files, options);
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The file or directory this corpus reads. */
    public Path root() {
        return root;
    }

    /** The files read, in order. */
    public List<Path> files() {
        return files;
    }

    /** How text becomes sentences. */
    public TextCorpusOptions options() {
        return options;
    }

    /** The total size of the files in bytes (compressed size for gzip files). */
    public long sizeInBytes() throws IOException {
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        return total;
    }

    /**
     * The lines of the files that hold nothing but ASCII white space (none for a last line without
     * a line break). They give no sentence; the fastText tool reads an end-of-line token from each.
     */
    public long blankLines() throws IOException {
        long blank = 0;
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = FileSentenceReader.openBytes(f)) {
                boolean empty = true;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            blank += empty ? 1 : 0;
                            empty = true;
                        } else if (b != ' ' && b != '\t' && b != '\r' && b != 0x0b && b != '\f' && b != 0) {
                            empty = false;
                        }
                    }
                }
            }
        }
        return blank;
    }

    @Override
    public SentenceReader open() throws IOException {
        return new FileSentenceReader(files, options);
    }
}
