package org.bulkhead.app.report;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bulkhead.model.audit.DenialTrail;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.security.SeclabelView;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.DomainSnapshot;

/** The inventory as JSON: one object for the connection, one per domain, one per resource. */
final class InventoryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InventoryJson() {
    }

    static String render(HostContext host, List<DomainSnapshot> domains, DenialTrails denials) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("connection", host.info().uri());
        root.put("host", host.info().hostname());
        root.put("hypervisor", host.info().hypervisorType() + " " + host.info().hypervisorVersion());
        root.put("local", host.info().local());
        ArrayNode models = root.putArray("securityModels");
        host.capabilities().secModels().forEach(m -> models.addObject().put("model", m.model()).put("doi", m.doi()));
        root.put("enforcement", host.enforcement().label());
        ObjectNode policy = root.putObject("policy");
        ObjectNode permissive = policy.putObject("permissiveTypes");
        host.facts().permissiveTypes().forEach(permissive::put);
        host.facts().profileModes().ifPresent(modes -> modes.forEach(policy.putObject("appArmorProfiles")::put));
        host.facts().notes().forEach(policy.putArray("notes")::add);
        ArrayNode notes = root.putArray("notes");
        host.notes().forEach(notes::add);
        denials.unreadable().ifPresent(reason -> root.put("denialsUnreadable", reason));
        denials.olderNotRead().ifPresent(note -> root.put("denialsOlderNotRead", note));
        ArrayNode list = root.putArray("domains");
        domains.forEach(d -> domain(list.addObject(), d, denials));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the inventory as JSON", e);
        }
    }

    private static void domain(ObjectNode node, DomainSnapshot domain, DenialTrails denials) {
        DomainSecurity security = domain.security();
        node.put("name", domain.name());
        node.put("uuid", domain.uuid());
        node.put("state", domain.state().label());
        node.put("securityModel", security.primaryModel());
        node.put("label", security.label().orElse(null));
        node.put("imageLabel", security.imageLabel().orElse(null));
        node.put("enforcing", security.domainEnforcement().shortText());
        node.putObject("enforcement").put("verdict", security.domainEnforcement().verdict().label())
                .put("enforced", security.domainEnforcement().enforced())
                .put("reason", security.domainEnforcement().reason())
                .put("host", security.enforcement().label());
        node.putObject("trust").put("level", security.trust().level().label()).put("reason", security.trust().reason());
        security.sharedWith().forEach(node.putArray("sharesLabelWith")::add);
        ArrayNode seclabels = node.putArray("seclabels");
        for (SeclabelView view : security.seclabels()) {
            seclabels.addObject().put("model", view.model()).put("type", view.type()).put("relabel", view.relabel())
                    .put("label", view.label().orElse(null)).put("imageLabel", view.imageLabel().orElse(null));
        }
        security.process().ifPresent(p -> node.putObject("process").put("pid", p.pid())
                .put("context", p.selinuxContext().orElse(null)).put("uid", p.uid()).put("gid", p.gid()));
        ArrayNode resources = node.putArray("resources");
        for (ResourceCheck check : security.resources()) {
            resources.addObject()
                    .put("kind", check.planned().resource().kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("path", check.planned().resource().path())
                    .put("description", check.planned().resource().description())
                    .put("action", check.planned().action().name().toLowerCase(java.util.Locale.ROOT))
                    .put("planned", check.planned().label().orElse(null))
                    .put("actual", check.actual().orElse(null))
                    .put("verdict", check.verdict().label())
                    .put("detail", check.detail());
        }
        denials(node, domain.name(), denials);
    }

    /** null with the reason when the log could not be read: an empty array would claim "no denials". */
    private static void denials(ObjectNode node, String name, DenialTrails denials) {
        java.util.Optional<DenialTrail> trail = denials.of(name);
        if (trail.isEmpty()) {
            node.putNull("denials");
            node.put("denialsUnreadable", denials.unreadable().orElse("no trail for this domain"));
            return;
        }
        ArrayNode list = node.putArray("denials");
        for (DenialTrail.Entry entry : trail.get().entries()) {
            var denial = entry.denial();
            ObjectNode item = list.addObject();
            item.put("time", denial.time().toString());
            item.put("event", denial.eventId());
            item.put("mechanism", denial.mechanism().name().toLowerCase(java.util.Locale.ROOT));
            item.put("action", String.join(" ", denial.permissions().stream().sorted().toList()));
            item.put("objectClass", denial.objectClass());
            item.put("object", denial.object().orElse(null));
            item.put("whose", denials.whose(denial).orElse(null));
            item.put("source", denial.source());
            item.put("target", denial.target().orElse(null));
            item.put("role", entry.role() == DenialTrail.Role.BY_THIS_VM ? "by this domain" : "on this domain");
            item.put("enforced", denial.enforced());
            item.put("outcome", denial.outcome());
            item.put("explanation", entry.explanation());
        }
    }
}
