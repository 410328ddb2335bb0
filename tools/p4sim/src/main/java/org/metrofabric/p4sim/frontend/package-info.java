/**
 * Reading P4 source: {@link org.metrofabric.p4sim.frontend.Preprocessor} (includes of p4sim's own
 * {@code core.p4}/{@code v1model.p4} resources and of files relative to the includer, object-like macros,
 * conditionals; a line map keeps original file:line), the ANTLR grammar {@code P4.g4} run by
 * {@link org.metrofabric.p4sim.frontend.SyntaxParser}, and {@link org.metrofabric.p4sim.frontend.P4CompileException},
 * which every front-end error is, located at file:line:column. The ANTLR parse tree is the syntax tree;
 * {@code org.metrofabric.p4sim.typecheck} turns it into the IR.
 */
package org.metrofabric.p4sim.frontend;
