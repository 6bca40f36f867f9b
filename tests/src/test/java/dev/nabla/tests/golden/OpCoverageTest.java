package dev.nabla.tests.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Adding an op to Tensor (or to {@link OpCoverage#FUNCTIONAL_OPS}) without golden cases and a
 * gradient check breaks the build here.
 */
class OpCoverageTest {
    private static final SortedSet<String> OPS = OpCoverage.allOps();

    private static Set<String> golden() {
        return GoldenFixtures.cases().stream().map(GoldenCase::op).collect(Collectors.toSet());
    }

    private static Set<String> gradChecked() {
        return GoldenFixtures.cases().stream().filter(GoldenCase::gradcheck).map(GoldenCase::op)
                .collect(Collectors.toSet());
    }

    @Test
    void everyTensorOpHasGoldenCasesAndGradientChecks() {
        // a reflection walk that found nothing would pass vacuously
        assertThat(OPS).hasSizeGreaterThan(40).contains("add", "matmul", "logSoftmax", "gather", "where", "eq");
        assertThat(OpCoverage.gaps(OPS, golden(), gradChecked(), OpCoverage.NON_DIFFERENTIABLE)).isEmpty();
    }

    @Test
    void registryAndFixturesNameExactlyTheTensorOps() {
        assertThat(OpRegistry.OPS.keySet()).containsExactlyInAnyOrderElementsOf(OPS);
        assertThat(golden()).isSubsetOf(OPS);
    }

    @Test
    void exclusionsAreRealTensorMethods() {
        assertThat(OpCoverage.tensorReturningMethods(Tensor.class)).containsAll(OpCoverage.NOT_OPS)
                .containsAll(OpCoverage.NON_DIFFERENTIABLE);
    }

    @Test
    void functionalOpsAreRealPublicMethods() {
        OpCoverage.FUNCTIONAL_OPS.forEach((name, holder) -> assertThat(Arrays.stream(holder.getMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() == Tensor.class))
                .as("%s.%s", holder.getSimpleName(), name).isNotEmpty());
    }

    @Test
    void removingAnyOpFromTheRealCoverageIsDetected() {
        Set<String> golden = golden();
        Set<String> checked = gradChecked();
        for (String op : OPS) {
            Set<String> without = new HashSet<>(golden);
            without.remove(op);
            assertThat(OpCoverage.gaps(OPS, without, checked, OpCoverage.NON_DIFFERENTIABLE))
                    .as("gaps with %s removed", op).singleElement().asString().startsWith(op + ": no golden case");
        }
    }

    @Test
    void checkerReportsMissingCaseAndMissingGradcheck() {
        Set<String> ops = Set.of("add", "mul", "eq", "newOp");
        Set<String> golden = Set.of("add", "mul", "eq");
        Set<String> checked = Set.of("add");
        assertThat(OpCoverage.gaps(ops, golden, checked, Set.of("eq"))).containsExactly(
                "mul: no case runs the gradient check; add one at a differentiable point",
                "newOp: no golden case; add cases to tests/golden/make_op_goldens.py and OpRegistry");
    }

    @Test
    void checkerAcceptsFullCoverageAndFindsOpsOnAFakeType() {
        assertThat(OpCoverage.gaps(Set.of("add", "eq"), Set.of("add", "eq"), Set.of("add"), Set.of("eq"))).isEmpty();
        assertThat(OpCoverage.tensorReturningMethods(Fake.class)).isEqualTo(new TreeSet<>(Set.of("make", "twice")));
    }

    /** A stand-in for Tensor: only public methods returning the type itself count. */
    @SuppressWarnings("unused")
    static final class Fake {
        public static Fake make() {
            return new Fake();
        }

        public Fake twice() {
            return this;
        }

        public int size() {
            return 0;
        }

        Fake hidden() {
            return this;
        }
    }
}
