package org.metrofabric.p4sim.ir;

import java.util.List;

/**
 * The top-level package instantiation, e.g. {@code V1Switch(P(), V(), I(), E(), C(), D()) main;}:
 * {@code blocks} are the parser/control declarations bound to each package parameter, in order.
 */
public record PackageInstance(String packageType, String name, List<String> parameterNames,
                              List<Object> blocks, List<Annotation> annotations, SourceLocation location) { }
