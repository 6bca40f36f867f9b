package dev.nabla.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code nabla.threads} and {@code nabla.spin} settings: defaults, values and bad input. */
class ThreadPoolTest {

    @Test
    void threadsDefaultToTheProcessorsAndRejectNonPositiveOrGarbage() {
        assertThat(ThreadPool.threads(null)).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(ThreadPool.threads(" 3 ")).isEqualTo(3);
        assertThatThrownBy(() -> ThreadPool.threads("0"))
                .hasMessage("nabla.threads: expected a positive integer, got '0'");
        assertThatThrownBy(() -> ThreadPool.threads("two")).hasMessageContaining("got 'two'");
    }

    @Test
    void spinDefaultsTo200MicrosecondsAndRejectsNegativeOrGarbage() {
        assertThat(ThreadPool.spinMicros(null)).isEqualTo(200);
        assertThat(ThreadPool.spinMicros("")).isEqualTo(200);
        assertThat(ThreadPool.spinMicros("0")).isZero();
        assertThat(ThreadPool.spinMicros("1500")).isEqualTo(1500);
        assertThatThrownBy(() -> ThreadPool.spinMicros("-1"))
                .hasMessage("nabla.spin: expected microseconds, a non-negative integer, got '-1'");
        assertThatThrownBy(() -> ThreadPool.spinMicros("1ms")).hasMessageContaining("got '1ms'");
    }
}
