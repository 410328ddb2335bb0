/**
 * The P4Info of a compiled v1model program, as p4c 1.2.3.8 ({@code p4c-bm2-ss --p4runtime-files}) writes it,
 * and the {@link org.metrofabric.p4sim.runtime.PipelineExtras} a target needs beyond it.
 *
 * <p>Entry points: {@link org.metrofabric.p4sim.p4info.P4InfoWriter#write} /
 * {@link org.metrofabric.p4sim.p4info.P4InfoWriter#writeText}, and
 * {@link org.metrofabric.p4sim.p4info.PipelineExtrasBuilder#build}. Both read only the IR; the corpus test
 * ({@code CorpusP4InfoTest}) checks the writer against p4c's output for every conformance program.
 *
 * <h2>p4c's rules this package follows</h2>
 * <ul>
 *   <li><b>What is visible</b>: the parsers and controls {@code main} instantiates. A table never applied is
 *   dropped, and so is an action no used table lists and nothing calls; extern instances are always kept.
 *   A table without {@code default_action} gets {@code NoAction} as its (non-const) default and, if it does
 *   not list it, a {@code @defaultonly NoAction} action reference.</li>
 *   <li><b>Names</b>: {@code Control.decl}, or {@code Control.x} for {@code @name("x")}, or {@code x} for
 *   {@code @name(".x")}; top-level objects unqualified. Match fields are named by {@code @name} or the key
 *   expression's text ({@code hdr.ipv4.$valid$} for {@code isValid()}). Controller headers show the
 *   {@code @controller_header} value as name and alias but hash their type name. Digests: see
 *   {@link org.metrofabric.p4sim.p4info.DigestNames}, whose names the interpreter reports too.</li>
 *   <li><b>Ids</b>: {@code (kind << 24) | (jenkinsOneAtATime(name) & 0xffffff)}; {@code @id}s are reserved
 *   first (a missing prefix is added, a wrong one rejected); collisions are resolved by incrementing the hash,
 *   names taken in sorted order. Match fields, parameters and metadata: {@code @id}s, then 1, 2, ... by
 *   position (selector key elements take a position too).</li>
 *   <li><b>Aliases</b>: the shortest dot-suffix no other control-plane name of any kind shares.</li>
 *   <li><b>Parameters</b>: directionless parameters of actions a used table lists; an action that is only
 *   called directly has none (p4c binds them at the call).</li>
 *   <li><b>Annotations</b>: copied as {@code @name(body)} text, except {@code @name}, {@code @id} and
 *   {@code @brief}/{@code @description} (which become {@code doc}).</li>
 *   <li><b>{@code type_info}</b>: present exactly when p4c would have touched it: a table, an action
 *   parameter, a controller header field, an extern instance, or an extern function call in a control.</li>
 * </ul>
 *
 * <h2>Known differences from p4c</h2>
 * <ul>
 *   <li>p4c's mid end synthesises hidden tables and actions ({@code tbl_*}, {@code act*}) whose names also
 *   enter its alias and id tables. p4sim does not create them, so a user object whose last name component
 *   equals such a synthesised name could get a shorter alias here than from p4c, and a 24-bit hash
 *   collision with one of them (vanishingly rare) would move an id. Neither happens in the corpus or in
 *   metro.p4.</li>
 *   <li>Annotation bodies are copied as written (trimmed); p4c re-prints them from tokens, which can differ
 *   in spacing for bodies with several tokens.</li>
 *   <li>Not supported: {@code type}
 *   newtypes and {@code @p4runtime_translation}, enums in parameters ({@code type_name}), value sets,
 *   structured annotations, nested control instances, table implementations constructed in the table
 *   property, header unions/enums/error in register or digest type specs, action parameters with a
 *   direction bound in an action list.</li>
 *   <li>{@code @pkginfo} with an unknown key is rejected; p4c only warns.</li>
 * </ul>
 */
package org.metrofabric.p4sim.p4info;
