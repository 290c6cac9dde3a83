/**
 * Text classification on word vectors: {@link dev.seqlab.classify.TextClassifier} trains on
 * labelled sentences, predicts, evaluates, saves and exports. Two families, as the course's
 * Emojify: {@code average} (the mean of a sentence's word vectors into Tribuo's linear SGD
 * logistic regression) and {@code lstm}/{@code bilstm} (the sentence's vectors through seqlab's
 * recurrent {@code SequenceClassifier}).
 *
 * <pre>{@code
 * List<LabelledText> rows = LabelledCsv.read(Path.of("train.csv"), CsvColumns.defaults());
 * TextClassifier c = TextClassifier.train(rows, WordVectors.load(Path.of("vectors.txt")), ClassifyOptions.defaults());
 * c.save(Path.of("model"));
 * Prediction p = c.predict("what a wonderful day");
 * }</pre>
 */
package dev.seqlab.classify;
