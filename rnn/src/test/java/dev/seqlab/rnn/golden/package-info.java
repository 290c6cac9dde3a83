/** Golden files of the rnn module's formats: char-LM model directories and their ONNX exports, a classifier's ONNX export. */
package dev.seqlab.rnn.golden;
