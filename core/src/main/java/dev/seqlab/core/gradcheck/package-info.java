/**
 * Finite-difference gradient checking for any differentiable layer:
 * {@link dev.seqlab.core.gradcheck.GradientChecker} compares a backward pass with central
 * differences of the loss and reports the relative error per parameter.
 */
package dev.seqlab.core.gradcheck;
