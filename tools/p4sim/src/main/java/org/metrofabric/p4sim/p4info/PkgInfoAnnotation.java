package org.metrofabric.p4sim.p4info;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.Annotation;
import p4.config.v1.P4InfoOuterClass.PkgInfo;

/** {@code @pkginfo(name="...", version="...", ...)} on {@code main}: fills the P4Info's pkg_info. */
final class PkgInfoAnnotation {
    private static final Pattern PAIR = Pattern.compile("\\s*(\\w+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

    private PkgInfoAnnotation() {
    }

    static void apply(Annotation annotation, PkgInfo.Builder pkg) {
        String body = annotation.body().trim();
        Matcher m = PAIR.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new P4CompileException(annotation.location(),
                        "@pkginfo takes key=\"value\" pairs separated by commas");
            }
            String key = m.group(1);
            String value = m.group(2);
            switch (key) {
                case "name" -> pkg.setName(value);
                case "version" -> pkg.setVersion(value);
                case "organization" -> pkg.setOrganization(value);
                case "contact" -> pkg.setContact(value);
                case "url" -> pkg.setUrl(value);
                case "arch" -> pkg.setArch(value);
                default -> throw new P4CompileException(annotation.location(), "unknown @pkginfo key '" + key + "'");
            }
            at = m.end();
        }
    }
}
