package dev.seqlab.corpora.text;

import dev.seqlab.core.io.GzipInput;
import dev.seqlab.core.io.MalformedFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.tokenize.Tokenizer;

/** One pass over the files of a {@link TextCorpus}. */
final class FileSentenceReader implements SentenceReader {
    private final List<Path> files;
    private final TextCorpusOptions options;
    private final Tokenizer tokenizer;
    private final ArrayDeque<List<String>> ready = new ArrayDeque<>();
    private int nextFile;
    private Path file;
    private InputStream stream;
    private LinePieces pieces;
    private List<String> sentence = new ArrayList<>();

    FileSentenceReader(List<Path> files, TextCorpusOptions options) {
        this.files = files;
        this.options = options;
        this.tokenizer = options.tokenizer().create();
    }

    @Override
    public List<String> next() throws IOException {
        while (ready.isEmpty()) {
            if (pieces == null && !openNextFile()) {
                return null;
            }
            String piece;
            try {
                piece = pieces.next();
            } catch (CharacterCodingException e) {
                // the decoder reads ahead of the lines handed out: find the line from the bytes
                throw new MalformedFileException(file, lineOfFirstError(), "not valid UTF-8 text", e);
            }
            if (piece == null) {
                closeFile();
                continue;
            }
            add(piece, pieces.endOfLine());
        }
        return ready.poll();
    }

    private void add(String piece, boolean endOfLine) {
        String text = options.lowercase() ? piece.toLowerCase(Locale.ROOT) : piece;
        int max = options.maxSentenceLength();
        for (String token : tokenizer.tokenize(text)) {
            sentence.add(token);
            if (sentence.size() == max) {
                ready.add(sentence);
                sentence = new ArrayList<>();
            }
        }
        if (endOfLine && !sentence.isEmpty()) {
            ready.add(sentence);
            sentence = new ArrayList<>();
        }
    }

    private boolean openNextFile() throws IOException {
        if (nextFile >= files.size()) {
            return false;
        }
        file = files.get(nextFile++);
        stream = openBytes(file);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        pieces = new LinePieces(new InputStreamReader(stream, decoder), LinePieces.MAX_PIECE_CHARS);
        return true;
    }

    /** The file's bytes, decompressed when they start with the gzip magic number. */
    static InputStream openBytes(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            return (b0 == 0x1f && b1 == 0x8b) ? GzipInput.open(file, raw, 1 << 16) : raw;
        } catch (MalformedFileException e) {
            throw e;
        } catch (IOException e) {
            raw.close();
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The 1-based line of the current file holding its first byte sequence that is not UTF-8. */
    private long lineOfFirstError() throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream in = openBytes(file)) {
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, n < 0);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError() || n < 0) {
                    return line;
                }
                bytes.compact();
            }
        }
    }

    private void closeFile() throws IOException {
        InputStream s = stream;
        stream = null;
        pieces = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        ready.clear();
        closeFile();
        nextFile = files.size();
    }
}
