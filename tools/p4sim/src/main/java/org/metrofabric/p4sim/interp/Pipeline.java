package org.metrofabric.p4sim.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.ParserDecl;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.Stmt;
import org.metrofabric.p4sim.ir.Variable;
import org.metrofabric.p4sim.runtime.SwitchState;

/**
 * A v1model program compiled against one switch's runtime state: the six blocks as executable
 * code over a fixed frame layout (standard and user metadata first, then headers, then locals).
 */
public final class Pipeline {
    private final ParserExec parser;
    private final Exec parserLocals;
    public final Exec verifyChecksum;
    public final Exec ingress;
    public final Exec egress;
    public final Exec computeChecksum;
    public final Exec deparser;
    public final V1Metadata sm;
    /** Frame words/wide slots below these are metadata (zeroed for clones, resubmits, recirculations). */
    public final int metadataWords;
    public final int metadataWide;
    /** Headers root, for the packet length v1model reports in egress. */
    public final Layout headers;
    /** {@code @field_list(N)} id -> user metadata fields preserved by clone/resubmit/recirculate. */
    public final Map<Integer, List<Layout.Scalar>> fieldLists;
    private final Allocator allocator;

    public Pipeline(Program program, SwitchState state, Environment env) {
        List<Object> blocks = program.main().blocks();
        if (!program.main().packageType().equals("V1Switch") || blocks.size() != 6) {
            throw new IllegalArgumentException("p4sim runs V1Switch programs; got " + program.main().packageType());
        }
        ParserDecl p = (ParserDecl) blocks.get(0);
        List<Variable> pp = dataParams(p.parameters());
        if (pp.size() != 3) {
            throw new IllegalArgumentException("v1model parser needs (packet_in, H, M, standard_metadata_t)");
        }
        allocator = new Allocator();
        Map<Variable, Layout> variables = new IdentityHashMap<>();
        Layout smLayout = allocator.allocate(pp.get(2).type());
        Layout metaLayout = allocator.allocate(pp.get(1).type());
        metadataWords = allocator.words;
        metadataWide = allocator.wide;
        headers = allocator.allocate(pp.get(0).type());
        Layout[] roots = {headers, metaLayout, smLayout};
        sm = new V1Metadata((P4Type.Struct) pp.get(2).type(), (Layout.Struct) smLayout);
        fieldLists = fieldLists((P4Type.Struct) pp.get(1).type(), (Layout.Struct) metaLayout);
        bind(p.parameters(), roots, variables);
        for (int i = 1; i < 6; i++) {
            bind(((ControlDecl) blocks.get(i)).parameters(), roots, variables);
        }
        BlockCompiler c = new BlockCompiler(program, allocator, variables, state, env, sm);
        parserLocals = c.block(new ArrayList<>(p.locals()));
        this.parser = new ParserExec(p, c);
        verifyChecksum = control((ControlDecl) blocks.get(1), c);
        ingress = control((ControlDecl) blocks.get(2), c);
        egress = control((ControlDecl) blocks.get(3), c);
        computeChecksum = control((ControlDecl) blocks.get(4), c);
        deparser = control((ControlDecl) blocks.get(5), c);
    }

    /** Runs the parser (with its local variables initialised) over {@code f.packet}. */
    public void parse(Frame f) {
        parserLocals.run(f);
        parser.run(f);
    }

    /** A frame sized for this pipeline. */
    public Frame newFrame() {
        return allocator.newFrame();
    }

    private static List<Variable> dataParams(List<Variable> params) {
        return params.stream().filter(v -> !(v.type() instanceof P4Type.Extern)).toList();
    }

    private static void bind(List<Variable> params, Layout[] roots, Map<Variable, Layout> variables) {
        List<Variable> data = dataParams(params);
        for (int i = 0; i < data.size() && i < roots.length; i++) {
            variables.put(data.get(i), roots[i]);
        }
    }

    private static Exec control(ControlDecl decl, BlockCompiler c) {
        List<Stmt> body = new ArrayList<>(decl.locals());
        body.addAll(decl.apply().statements());
        Exec e = c.block(body);
        return f -> {
            try {
                e.run(f);
            } catch (ExitSignal exit) {
                // exit inside an action applied by t.apply().hit/miss: the control ends here.
            }
            return Exec.NORMAL;
        };
    }

    private static Map<Integer, List<Layout.Scalar>> fieldLists(P4Type.Struct meta, Layout.Struct layout) {
        Map<Integer, List<Layout.Scalar>> out = new HashMap<>();
        for (int i = 0; i < meta.fields().size(); i++) {
            P4Type.Field field = meta.fields().get(i);
            for (Annotation a : field.annotations()) {
                if (!a.name().equals("field_list")) {
                    continue;
                }
                for (String id : a.body().split(",")) {
                    List<Layout.Scalar> scalars = new ArrayList<>();
                    Layout.scalars(layout.members()[i], scalars);
                    out.computeIfAbsent(Integer.parseInt(id.trim()), k -> new ArrayList<>()).addAll(scalars);
                }
            }
        }
        return out;
    }
}
