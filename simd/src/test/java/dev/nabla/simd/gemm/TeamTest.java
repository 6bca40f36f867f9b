package dev.nabla.simd.gemm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Team}: every task once, on several threads, nested and concurrent calls, failures. */
class TeamTest {

    @Test
    void runsEveryTaskOnceAcrossManyCallsWithAndWithoutSpinning() {
        for (Parallel team : new Parallel[] {Parallel.team(2, 0), Parallel.team(4, 1000)}) {
            for (int call = 0; call < 2000; call++) {
                int tasks = call % 17;
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(tasks, 1));
                team.forRange(tasks, runs::incrementAndGet);
                for (int t = 0; t < tasks; t++) {
                    assertThat(runs.get(t)).as("call %d, task %d of %d", call, t, tasks).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void workersTakeTasksBesideTheCaller() throws InterruptedException {
        Parallel team = Parallel.team(3, 1000);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        // Each task waits until three distinct threads have started tasks: only a team of three
        // finishes this call.
        CountDownLatch three = new CountDownLatch(3);
        team.forRange(3, t -> {
            threads.add(Thread.currentThread().getName());
            three.countDown();
            awaitQuietly(three);
        });
        assertThat(threads).hasSize(3).anyMatch(name -> name.startsWith("nabla-worker-"));
    }

    @Test
    void aCallFromInsideATaskRunsOnItsOwnThread() {
        Parallel team = Parallel.team(2, 200);
        AtomicIntegerArray runs = new AtomicIntegerArray(8 * 8);
        team.forRange(8, outer -> {
            String thread = Thread.currentThread().getName();
            team.forRange(8, inner -> {
                assertThat(Thread.currentThread().getName()).isEqualTo(thread);
                runs.incrementAndGet(outer * 8 + inner);
            });
        });
        for (int i = 0; i < 64; i++) {
            assertThat(runs.get(i)).as("task %d", i).isEqualTo(1);
        }
    }

    @Test
    void concurrentCallersAllFinish() throws InterruptedException {
        Parallel team = Parallel.team(2, 50);
        AtomicIntegerArray runs = new AtomicIntegerArray(4 * 500 * 10);
        Thread[] callers = new Thread[4];
        for (int c = 0; c < callers.length; c++) {
            int caller = c;
            callers[c] = new Thread(() -> {
                for (int call = 0; call < 500; call++) {
                    int base = (caller * 500 + call) * 10;
                    team.forRange(10, t -> runs.incrementAndGet(base + t));
                }
            });
            callers[c].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        for (int i = 0; i < runs.length(); i++) {
            assertThat(runs.get(i)).as("task %d", i).isEqualTo(1);
        }
    }

    @Test
    void rethrowsTheFirstFailureAndStaysUsable() {
        Parallel team = Parallel.team(2, 0);
        assertThatThrownBy(() -> team.forRange(20, t -> {
            if (t == 7) {
                throw new IllegalStateException("task 7 failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 7 failed");
        assertThatThrownBy(() -> team.forRange(20, t -> {
            if (t == 3) {
                throw new AssertionError("task 3 failed");
            }
        })).isInstanceOf(AssertionError.class).hasMessage("task 3 failed");
        AtomicIntegerArray runs = new AtomicIntegerArray(20);
        team.forRange(20, runs::incrementAndGet);
        for (int t = 0; t < 20; t++) {
            assertThat(runs.get(t)).isEqualTo(1);
        }
    }

    @Test
    void rejectsANegativeSpinAndCountsItsThreads() {
        assertThatThrownBy(() -> Parallel.team(2, -1)).hasMessageContaining("spinMicros must not be negative, got -1");
        assertThat(Parallel.team(1, 200)).isSameAs(Parallel.SERIAL);
        assertThat(Parallel.SERIAL.threads()).isEqualTo(1);
        assertThat(Parallel.team(3, 0).threads()).isEqualTo(3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
