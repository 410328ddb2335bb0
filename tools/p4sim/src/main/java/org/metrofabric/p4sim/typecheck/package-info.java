/**
 * Name resolution and type checking from the parse tree to {@link org.metrofabric.p4sim.ir.Program}:
 * {@link org.metrofabric.p4sim.typecheck.Compiler} is the entry point; declarations are checked in order
 * (P4 declares before use), integer literals take the type they meet, constants are folded
 * ({@link org.metrofabric.p4sim.typecheck.ConstantFolder}), tables are checked by {@code TableBuilder}
 * (keys, match kinds, action lists, default action, const entries, implementation/counters/meters).
 */
package org.metrofabric.p4sim.typecheck;
