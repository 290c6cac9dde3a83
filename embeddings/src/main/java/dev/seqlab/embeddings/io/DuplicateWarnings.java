package dev.seqlab.embeddings.io;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.store.RecordWordTable;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Warns of words met again while a file's word table is built (the first three by name, then how
 * many in all) and notes their rows, for readers whose words are indexed as bytes.
 */
final class DuplicateWarnings implements RecordWordTable.Duplicates {
    private final Path file;
    private final ProgressListener progress;
    private int[] rows = new int[0];
    private int count;

    DuplicateWarnings(Path file, ProgressListener progress) {
        this.file = file;
        this.progress = progress;
    }

    @Override
    public void dropped(int row, int first, String word) {
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, Math.max(8, 2 * count));
        }
        rows[count++] = row;
        if (count <= 3) {
            progress.warning(
                    file + ": duplicate word '" + word + "' (row " + (row + 1) + "); keeping its first occurrence");
        }
    }

    /** Warns of the number dropped in all, when more than three were. */
    void finish() {
        if (count > 3) {
            progress.warning(file + ": " + count + " duplicate words dropped in all");
        }
    }

    /** The rows dropped (0-based, in the file's row order), in increasing order. */
    int[] rows() {
        return Arrays.copyOf(rows, count);
    }
}
