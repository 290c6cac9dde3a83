package dev.seqlab.rnn.onnx;

import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.Direction;
import dev.seqlab.rnn.cell.RecurrentCell;
import java.util.List;

/**
 * One {@code LSTM}, {@code GRU} or {@code RNN} node of an imported graph, as seqlab cells holding
 * its weights (one cell per direction, W, R, Wb, Rb in the ONNX layout).
 *
 * @param node       the node's name in the graph
 * @param kind       the cell kind
 * @param cells      the cells, forward before reverse for a bidirectional node
 * @param directions the direction each cell walks the sequence
 */
public record ImportedRecurrent(String node, CellKind kind, List<RecurrentCell> cells, List<Direction> directions) {

    /** Copies the lists. */
    public ImportedRecurrent {
        cells = List.copyOf(cells);
        directions = List.copyOf(directions);
    }

    /** H, the hidden width. */
    public int hiddenSize() {
        return cells.get(0).hiddenSize();
    }

    /** I, the input width. */
    public int inputSize() {
        return cells.get(0).inputSize();
    }
}
