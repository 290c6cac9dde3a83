/**
 * The architecture of DESIGN.md and issue 14 as tests (ArchUnit): module layering, no package
 * cycles, one softmax and one sampler in core, ONNX Runtime only on the runtime side. Each rule
 * class says what it forbids and why; exceptions are named one by one in explicit allow-lists.
 */
package dev.seqlab.architecture;
