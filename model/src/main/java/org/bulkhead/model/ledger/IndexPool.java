package org.bulkhead.model.ledger;

import java.util.BitSet;
import java.util.Random;

/**
 * Which of {@code size} numbered values are taken. Finding a free one is a random start plus one
 * scan for a clear bit, wrapping once: bounded work however full the pool is, never a random retry loop.
 */
final class IndexPool {

    private final int size;
    private final BitSet taken;
    private int takenCount;

    IndexPool(int size) {
        this.size = size;
        this.taken = new BitSet(size);
    }

    int size() {
        return size;
    }

    int free() {
        return size - takenCount;
    }

    boolean isTaken(int index) {
        return taken.get(index);
    }

    void set(int index, boolean nowTaken) {
        if (taken.get(index) != nowTaken) {
            taken.set(index, nowTaken);
            takenCount += nowTaken ? 1 : -1;
        }
    }

    /**
     * A free index, starting the scan at a random place, or -1 when none is free. Not uniform (a
     * value after a long taken run is likelier), which is fine: labels need to be distinct, not secret.
     */
    int findFree(Random random) {
        if (takenCount == size) {
            return -1;
        }
        int start = random.nextInt(size);
        int found = taken.nextClearBit(start);
        if (found < size) {
            return found;
        }
        found = taken.nextClearBit(0);
        return found < start ? found : -1;
    }

    void clear() {
        taken.clear();
        takenCount = 0;
    }
}
