package org.bulkhead.app.create;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bulkhead.model.isolation.IsolationPlan;
import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.ProvisionDraft;
import org.bulkhead.model.provision.ProvisionListener;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.ProvisionStep;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.provision.VmCreation;

/**
 * What one {@code bulkhead create} did, gathered as it goes (the draft, the pre-flight findings,
 * each step of Finish and its outcome) and rendered as lines for people or one JSON document.
 */
public final class CreationReport implements ProvisionListener {

    /** How the command ended, as the JSON document's {@code result} says it. */
    public enum Result {
        CREATED("created"),
        /** A blocking finding, or Isolated asked for where the host cannot isolate: nothing defined. */
        BLOCKED("blocked"),
        /** Warnings not accepted with --yes: nothing defined. */
        UNCONFIRMED("needs --yes"),
        /** Finish failed and rolled back. */
        FAILED("failed");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String uri;
    private final String name;
    private final String hostKind;
    private String virtType = "";
    private String emulationReason = "";
    private Optional<ProvisionDraft> draft = Optional.empty();
    private List<PreflightFinding> findings = List.of();
    // The last state of each step, in the order Finish reached them.
    private final Map<ProvisionStep, Step> steps = new LinkedHashMap<>();
    private Optional<ProvisionOutcome> outcome = Optional.empty();
    private Result result = Result.BLOCKED;
    private String message = "";

    private record Step(ProvisionListener.State state, String detail) {
    }

    public CreationReport(String uri, String name, String hostKind) {
        this.uri = uri;
        this.name = name;
        this.hostKind = hostKind;
    }

    /** The domain type chosen and, when the CPU is emulated by default, why. */
    public void emulation(String type, String reason) {
        this.virtType = type;
        this.emulationReason = reason;
    }

    public void drafted(VmCreation.Summary summary) {
        this.draft = Optional.of(summary.draft());
        this.findings = summary.findings();
    }

    /** Ends the report without a VM: why, in a sentence. */
    public void stopped(Result why, String sentence) {
        this.result = why;
        this.message = sentence;
    }

    public void finished(ProvisionOutcome done) {
        this.outcome = Optional.of(done);
        this.result = done.succeeded() ? Result.CREATED : Result.FAILED;
        this.message = done.failure().orElse("");
    }

    @Override
    public void step(ProvisionStep step, ProvisionListener.State state, String detail) {
        steps.remove(step); // a step's outcome replaces its "running" and moves to where it ended
        steps.put(step, new Step(state, detail));
    }

    public Result result() {
        return result;
    }

    // ---- text

    /** Each finding in three parts: its status and check, what it means, and the command that fixes it. */
    public static List<String> findingLines(List<PreflightFinding> findings) {
        List<String> lines = new ArrayList<>();
        for (PreflightFinding f : findings) {
            lines.add("[" + f.status().label() + "] " + f.check().title() + ": " + f.explanation());
            f.command().ifPresent(c -> lines.add("    command: " + c));
        }
        return lines;
    }

    /** The result for stdout: what was created, its UUID and label, and the labels read back. */
    public List<String> resultLines() {
        ProvisionOutcome done = outcome.orElseThrow();
        IsolationPlan isolation = draft.orElseThrow().isolation();
        List<String> lines = new ArrayList<>();
        lines.add("Created '" + done.name() + "'" + (done.started() ? " and started it." : "."));
        lines.add("uuid: " + done.uuid());
        lines.add("label: " + isolation.labelText());
        lines.add("isolation: " + (isolation.isolated() ? "isolated" : "not isolated")
                + (isolation.pinned() ? ", pinned" : "") + " (" + isolation.model().libvirtName() + ")");
        if (done.verification().isEmpty()) {
            lines.add("labels read back: not checked (the VM was not started)");
            return lines;
        }
        Verification v = done.verification().get();
        lines.add("labels read back: " + v.verdict().label());
        v.lines().forEach(line -> lines.add("  " + line));
        if (!v.mismatches().isEmpty()) {
            lines.add("mismatches:");
            v.mismatches().forEach(line -> lines.add("  " + line));
        }
        if (!v.unchecked().isEmpty()) {
            lines.add("not checked:");
            v.unchecked().forEach(line -> lines.add("  " + line));
        }
        return lines;
    }

    /** What a failed Finish did and undid, for stderr. */
    public List<String> failureLines() {
        ProvisionOutcome done = outcome.orElseThrow();
        List<String> lines = new ArrayList<>();
        lines.add("Finish failed: " + done.failure().orElse(""));
        lines.addAll(List.of(ProvisionOutcome.describeRollback(done.rollback()).split("\n")));
        return lines;
    }

    // ---- JSON

    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("connection", uri);
        root.put("name", name);
        root.put("host", hostKind);
        root.put("result", result.label());
        root.put("message", message.isEmpty() ? null : message);
        draft.ifPresent(d -> isolation(root.putObject("isolation"), d.isolation()));
        if (!virtType.isEmpty()) {
            root.putObject("emulation").put("virtType", virtType)
                    .put("reason", emulationReason.isEmpty() ? null : emulationReason);
        }
        ArrayNode list = root.putArray("findings");
        findings.forEach(f -> finding(list.addObject(), f));
        ArrayNode stepList = root.putArray("steps");
        steps.forEach((step, s) -> stepList.addObject().put("step", step.name().toLowerCase(Locale.ROOT))
                .put("title", step.label()).put("state", s.state().name().toLowerCase(Locale.ROOT))
                .put("detail", s.detail()));
        if (outcome.isPresent()) {
            outcome(root.putObject("outcome"), outcome.get());
            outcome.get().verification().ifPresentOrElse(v -> verification(root.putObject("verification"), v),
                    () -> root.putNull("verification"));
        } else {
            root.putNull("outcome");
            root.putNull("verification");
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the creation report as JSON", e);
        }
    }

    private static void isolation(ObjectNode node, IsolationPlan plan) {
        node.put("isolated", plan.isolated());
        node.put("pinned", plan.pinned());
        node.put("model", plan.model().libvirtName());
        node.put("label", plan.label().orElse(null));
        node.put("labelText", plan.labelText());
        node.put("simulated", plan.simulated());
    }

    private static void finding(ObjectNode node, PreflightFinding f) {
        node.put("check", f.check().name().toLowerCase(Locale.ROOT));
        node.put("title", f.check().title());
        node.put("status", f.status().name().toLowerCase(Locale.ROOT));
        node.put("statusText", f.status().label());
        node.put("explanation", f.explanation());
        node.put("command", f.command().orElse(null));
        node.put("fix", f.fix().map(PreflightFinding.Fix::label).orElse(null));
    }

    private static void outcome(ObjectNode node, ProvisionOutcome done) {
        node.put("uuid", done.uuid());
        node.put("name", done.name());
        node.put("started", done.started());
        node.put("succeeded", done.succeeded());
        node.put("failure", done.failure().orElse(null));
        node.put("failedStep", done.failedStep().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null));
        ArrayNode rollback = node.putArray("rollback");
        done.rollback().forEach(rollback::add);
    }

    private static void verification(ObjectNode node, Verification v) {
        node.put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
        node.put("verdictText", v.verdict().label());
        ArrayNode lines = node.putArray("lines");
        v.lines().forEach(lines::add);
        ArrayNode mismatches = node.putArray("mismatches");
        v.mismatches().forEach(mismatches::add);
        ArrayNode unchecked = node.putArray("notChecked");
        v.unchecked().forEach(unchecked::add);
    }
}
