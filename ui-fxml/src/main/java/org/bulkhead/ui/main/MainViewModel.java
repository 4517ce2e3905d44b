package org.bulkhead.ui.main;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.console.ConsoleOpener;
import org.bulkhead.model.console.ConsoleTransport;
import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.Subscriptions;
import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.model.store.StoreChange;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.TaskExecutor;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.connection.SessionFactory;

/**
 * The main window's state: one header per connection, every domain's row, the filter, the
 * connection-lost banner and the lifecycle actions. Store changes arrive on the UI executor
 * already coalesced; they are applied to the rows as deltas. Nothing here blocks: sessions do
 * their libvirt work on their own threads, the remembered-connections file goes through the
 * task executor.
 */
public final class MainViewModel implements AutoCloseable {

    /** What each sparkline shows: the last minute, whatever the sampling interval. */
    static final Duration HISTORY = Duration.ofMinutes(1);

    private final DomainStore store;
    private final SessionFactory sessions;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Executor ui;
    private final Duration statsInterval;

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final ObservableList<ConnectionViewModel> headers = FXCollections.observableArrayList();
    private final ObservableList<ConnectionViewModel> readOnlyHeaders = FXCollections.unmodifiableObservableList(headers);
    private final DomainTable table = new DomainTable();
    private final UsageHistory usage;
    private final DomainActions actions;
    private final SavedConnections saved;
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final WindowStatus status = new WindowStatus();
    private final AutoCloseable storeSubscription;
    /** UUIDs of the rows on screen, by connection; replaced whole on the UI thread, read by sessions. */
    private volatile Map<String, Set<String>> onScreen = Map.of();
    private List<DomainRow> onScreenRows = List.of();
    private boolean windowShowing = true;

    /** A connection the window shows, with what must be closed when it goes. */
    private record Connection(ConnectionSession session, ConnectionViewModel header, List<AutoCloseable> handles) {
    }

    /**
     * @param ui            the FX thread in the application; the store must notify on it too
     * @param statsInterval how often each connection samples all its domains' statistics, in one call
     */
    public MainViewModel(DomainStore store, SessionFactory sessions, KnownConnections known, TaskExecutor tasks,
            DialogService dialogs, Executor ui, Duration statsInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.statsInterval = Objects.requireNonNull(statsInterval, "statsInterval");
        this.usage = new UsageHistory((int) Math.max(2, HISTORY.toMillis() / Math.max(1, statsInterval.toMillis())));
        this.actions = new DomainActions(this::perform, dialogs, ui);
        this.saved = new SavedConnections(Objects.requireNonNull(known, "known"), tasks, dialogs);
        filterText.addListener((obs, old, now) -> {
            table.setFilter(DomainFilter.parse(now));
            updateStatus();
        });
        storeSubscription = store.addListener(this::apply);
        updateStatus();
    }

    /** Opens a connection given on the command line or remembered from an earlier run. */
    public void open(String uri) {
        if (connections.containsKey(uri)) {
            return;
        }
        ConnectionSession session = sessions.create(uri);
        ConnectionViewModel header = new ConnectionViewModel(uri);
        List<AutoCloseable> handles = new ArrayList<>();
        handles.add(session.onError(message -> ui.execute(() -> reportError(uri, message))));
        // Statistics only for the rows the user can see, none while the window is hidden.
        session.onScreen(() -> onScreen.getOrDefault(uri, Set.of()));
        handles.add(session.onStats(statsInterval, batch -> ui.execute(() -> acceptStats(uri, batch))));
        handles.add(session.onDenials(trails -> ui.execute(() -> {
            if (connections.containsKey(uri)) {
                table.applyDenials(uri, trails);
            }
        })));
        connections.put(uri, new Connection(session, header, handles));
        headers.add(header);
        updateStatus();
        session.open();
    }

    /**
     * Opens a connection from the "Add connection" dialog. It is remembered for the next run once
     * it has connected; one that fails is remembered only when the user asks ("Remember anyway").
     */
    public void addConnection(String uri) {
        open(uri);
        Optional.ofNullable(connections.get(uri)).ifPresent(c -> c.header().setUnsaved(true));
    }

    /** Saves a connection for the next run, whether or not it has connected yet. */
    public void rememberConnection(String uri) {
        Connection connection = connections.get(uri);
        if (connection == null || !connection.header().isUnsaved()) {
            return;
        }
        connection.header().setUnsaved(false);
        saved.remember(uri);
    }

    /**
     * "Close and forget": asks first when no other connection is open, since the window is then
     * left with nothing to show and no VM can be created until one is added.
     */
    public void closeConnection(String uri) {
        boolean othersOpen = connections.values().stream().anyMatch(c -> !c.header().uri().equals(uri)
                && c.header().status() == ConnectionStatus.OPEN);
        if (!othersOpen && connections.containsKey(uri) && !saved.confirmClosingTheLast(uri)) {
            return;
        }
        forgetConnection(uri);
    }

    /** Closes a connection, drops its rows and forgets it for later runs. */
    public void forgetConnection(String uri) {
        Connection connection = connections.remove(uri);
        if (connection == null) {
            return;
        }
        headers.remove(connection.header());
        connection.handles().forEach(Subscriptions::end);
        connection.session().close();
        store.forget(uri);
        usage.forget(uri);
        table.forget(uri);
        updateStatus();
        saved.forget(uri);
    }

    /** Reloads every connected domain (F5); lost connections keep reconnecting on their own. */
    public void refresh() {
        connections.values().forEach(connection -> connection.session().refresh());
    }

    private boolean perform(String uri, String uuid, Consumer<HypervisorConnection> call, Consumer<String> onError) {
        Connection connection = connections.get(uri);
        if (connection == null) {
            return false;
        }
        connection.session().perform(uuid, call, onError);
        return true;
    }

    private void apply(StoreChange change) {
        table.apply(change, uri -> Optional.ofNullable(connections.get(uri)).map(c -> c.header().status()));
        change.connections().forEach((uri, status) -> {
            Connection connection = connections.get(uri);
            if (connection == null) {
                return;
            }
            connection.header().update(status, connection.session().host(), connection.session().lastError());
            table.markStale(uri, status != ConnectionStatus.OPEN);
            if (status == ConnectionStatus.OPEN) {
                rememberConnection(uri);
            }
        });
        // A re-check of the host (setenforce, a permissive module) resyncs its domains: the header follows.
        connections.values().forEach(c -> c.header().followHost(c.session().host()));
        updateStatus();
    }

    /**
     * The rows the table shows now, from the view after each layout that changed them. Only these
     * are sampled for statistics, and rows still being inspected are inspected in this order first.
     */
    public void showRows(List<DomainRow> rows) {
        onScreenRows = List.copyOf(rows);
        publishOnScreen();
    }

    /** False while the window is hidden or minimised: then nothing is sampled at all. */
    public void setWindowShowing(boolean showing) {
        windowShowing = showing;
        publishOnScreen();
    }

    /** The rows last reported on screen (empty while the window is hidden). */
    public List<DomainRow> rowsOnScreen() {
        return windowShowing ? onScreenRows : List.of();
    }

    private void publishOnScreen() {
        Map<String, Set<String>> byConnection = new HashMap<>();
        for (DomainRow row : rowsOnScreen()) {
            byConnection.computeIfAbsent(row.connectionUri(), uri -> new HashSet<>()).add(row.key().uuid());
        }
        byConnection.replaceAll((uri, uuids) -> Set.copyOf(uuids));
        onScreen = Map.copyOf(byConnection);
    }

    void acceptStats(String uri, List<DomainStats> batch) {
        if (connections.containsKey(uri)) {
            table.applyUsage(usage.accept(uri, batch));
        }
    }

    private void reportError(String uri, String message) {
        Connection connection = connections.get(uri);
        if (connection != null) {
            connection.header().reportError(message);
            updateStatus();
        }
    }

    /** The banner, New VM's availability and the status bar's count, after any change to them. */
    private void updateStatus() {
        status.update(headers, table.size(), table.visibleRows().size());
    }

    public DomainTable table() {
        return table;
    }

    /** Opens consoles on each domain's own connection (its worker thread), never a second connection. */
    public ConsoleTransport consoleTransport() {
        return (domain, opened, failed) -> {
            boolean sent = perform(domain.connectionUri(), null, connection -> {
                ConsoleStream stream = ConsoleOpener.open(connection, domain.uuid());
                opened.accept(stream);
            }, failed);
            if (!sent) {
                failed.accept("Not connected to " + domain.connectionUri() + ": add the connection again to see this VM.");
            }
        };
    }

    public DomainActions actions() {
        return actions;
    }

    /** Lifecycle actions on one domain, for its details window: they follow its row as the table's do. */
    public DomainActions actionsFor(DomainRow row) {
        DomainActions one = new DomainActions(this::perform, dialogs, ui);
        one.selectedProperty().set(row);
        return one;
    }

    public ObservableList<ConnectionViewModel> connections() {
        return readOnlyHeaders;
    }

    /** The host behind {@code uri} as its session last described it; empty before it connected. */
    public Optional<org.bulkhead.model.host.HostContext> host(String uri) {
        return Optional.ofNullable(connections.get(uri)).flatMap(c -> c.session().host());
    }

    public List<String> connectionUris() {
        return List.copyOf(connections.keySet());
    }

    public Optional<DomainRow> row(DomainKey key) {
        return table.row(key);
    }

    /** What the user typed into the filter box. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** One line per lost connection and what happens next; empty while all are connected. */
    public ReadOnlyStringProperty bannerTextProperty() {
        return status.bannerTextProperty();
    }

    public ReadOnlyBooleanProperty bannerVisibleProperty() {
        return status.bannerVisibleProperty();
    }

    /** Why New VM is unavailable now (no connection is open); empty while it is available. */
    public ReadOnlyStringProperty newVmBlockedProperty() {
        return status.newVmBlockedProperty();
    }

    /** "12 domains", "3 of 12 domains shown". */
    public ReadOnlyStringProperty summaryProperty() {
        return status.summaryProperty();
    }

    @Override
    public void close() {
        Subscriptions.end(storeSubscription);
        for (Connection connection : connections.values()) {
            connection.handles().forEach(Subscriptions::end);
            connection.session().close();
        }
        connections.clear();
        headers.clear();
        tasks.shutdown();
    }
}
