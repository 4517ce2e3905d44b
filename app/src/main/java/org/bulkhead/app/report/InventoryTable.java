package org.bulkhead.app.report;

import java.util.ArrayList;
import java.util.List;

import org.bulkhead.model.audit.DenialTrail;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.DomainSnapshot;

/** The inventory as text for a terminal: a table of domains, then each domain's resources. */
final class InventoryTable {

    private InventoryTable() {
    }

    static String render(HostContext host, List<DomainSnapshot> domains, DenialTrails denials) {
        StringBuilder out = new StringBuilder();
        out.append("Connection: ").append(host.info().uri()).append(" (").append(host.info().hostname())
                .append(", ").append(host.info().hypervisorType()).append(' ')
                .append(host.info().hypervisorVersion()).append(")\n");
        out.append("Security:   ").append(host.modelsText()).append(", ").append(host.enforcement().label())
                .append('\n');
        host.notes().forEach(note -> out.append("Note:       ").append(note).append('\n'));
        denials.unreadable().ifPresent(reason -> out.append("Denials:    not read: ").append(reason).append('\n'));
        denials.olderNotRead().ifPresent(note -> out.append("Denials:    ").append(note).append('\n'));
        out.append('\n');

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "STATE", "MODEL", "LABEL", "IMAGE LABEL", "ENFORCING", "TRUST", "DENIALS"));
        for (DomainSnapshot domain : domains) {
            DomainSecurity s = domain.security();
            rows.add(List.of(printable(domain.name()), domain.state().label(), s.primaryModel(),
                    s.label().orElse("-"), s.imageLabel().orElse("-"), s.domainEnforcement().shortText(),
                    s.trust().level().label(), denials.of(domain.name())
                            .map(t -> Integer.toString(t.entries().size())).orElse("not read")));
        }
        appendTable(out, rows);

        for (DomainSnapshot domain : domains) {
            DomainSecurity s = domain.security();
            out.append('\n').append(printable(domain.name())).append(": ").append(s.trust().reason()).append('\n');
            out.append("  enforcement: ").append(s.domainEnforcement().verdict().label()).append(": ")
                    .append(s.domainEnforcement().reason()).append('\n');
            out.append("  denials: ").append(denials.of(domain.name()).map(InventoryTable::count)
                    .orElse("not read (see Denials above)")).append('\n');
            s.process().ifPresent(p -> out.append("  process ").append(p.pid()).append(": uid ").append(p.uid())
                    .append(" gid ").append(p.gid())
                    .append(p.selinuxContext().map(c -> ", " + c).orElse("")).append('\n'));
            if (s.resources().isEmpty()) {
                out.append("  no file resources\n");
                continue;
            }
            List<List<String>> resources = new ArrayList<>();
            resources.add(List.of("  RESOURCE", "PATH", "PLANNED", "ACTUAL", "CHECK"));
            for (ResourceCheck check : s.resources()) {
                String mark = check.verdict() == ResourceCheck.Verdict.MISMATCH ? "DIFFERS: " + check.detail()
                        : check.verdict().label();
                resources.add(List.of("  " + check.planned().resource().description(),
                        printable(check.planned().resource().path()),
                        check.planned().label().orElse(check.planned().action().name().toLowerCase(java.util.Locale.ROOT)),
                        check.actual().orElse("-"), mark));
            }
            appendTable(out, resources);
        }
        return out.toString();
    }

    private static String count(DenialTrail trail) {
        return trail.entries().size() + " (" + trail.refused() + " refused, " + trail.loggedOnly()
                + " logged, not enforced)";
    }

    /** Control characters in names or paths must not break the table or the terminal. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static void appendTable(StringBuilder out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i));
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
