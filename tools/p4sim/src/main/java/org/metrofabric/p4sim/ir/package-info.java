/**
 * The compiled, resolved and typed P4 program p4sim interprets and describes.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@code org.metrofabric.p4sim.typecheck.Compiler.compile(Path)} (or {@code compileText}) returns a
 *       {@link org.metrofabric.p4sim.ir.Program}; errors are
 *       {@link org.metrofabric.p4sim.frontend.P4CompileException} with file:line:column.</li>
 *   <li>{@link org.metrofabric.p4sim.ir.Program#main()} is the {@code V1Switch(...) main} instantiation; its
 *       {@code blocks()} are the {@link org.metrofabric.p4sim.ir.ParserDecl} and
 *       {@link org.metrofabric.p4sim.ir.ControlDecl}s in v1model order (parser, verifyChecksum, ingress,
 *       egress, computeChecksum, deparser).</li>
 *   <li>{@link org.metrofabric.p4sim.ir.ControlDecl}: {@code tables()} ({@link org.metrofabric.p4sim.ir.TableDecl}
 *       with keys, match kinds, action refs with annotations, default action, const entries, size,
 *       implementation/counters/meters instances), {@code actions()}
 *       ({@link org.metrofabric.p4sim.ir.ActionDecl}, parameters in order), {@code instances()}
 *       ({@link org.metrofabric.p4sim.ir.ExternInstance}: counters, meters, registers, selectors, ...).</li>
 *   <li>{@link org.metrofabric.p4sim.ir.Program#topLevelActions()} (NoAction), {@code structTypes()} (headers
 *       with {@code @controller_header}), {@code errors()}, {@code matchKinds()}, {@code typedefs()}.</li>
 *   <li>Names are simple; qualified names are {@code controlName() + "." + name()} (tables, actions, instances),
 *       {@code @name} annotations are kept verbatim in each node's {@code annotations()}.</li>
 *   <li>Digests are {@link org.metrofabric.p4sim.ir.Expr.ExternCall}s with function {@code "digest"} inside
 *       action and apply bodies ({@link org.metrofabric.p4sim.ir.Stmt}).</li>
 * </ul>
 * Every node keeps its {@link org.metrofabric.p4sim.ir.SourceLocation} and annotations
 * ({@link org.metrofabric.p4sim.ir.Annotation}: name + raw body text).
 */
package org.metrofabric.p4sim.ir;
