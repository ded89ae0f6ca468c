/**
 * From finding to fix: what Terraform needs to adopt, accept or forget a drifted resource, as text an operator
 * applies (import blocks, HCL, commands). Core: plain records in, text out; never JavaFX, never AWS or the store.
 * Each type's import id is declared beside its collector ({@link dev.driftdeck.remediation.ImportId}).
 */
package dev.driftdeck.remediation;
