package dev.nabla.tests.golden.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.HyperparameterAccess;
import dev.nabla.optim.Hyperparameters;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamGroup;
import dev.nabla.optim.schedule.CosineAnnealingWarmRestarts;
import dev.nabla.optim.schedule.LRScheduler;
import dev.nabla.optim.schedule.ReduceLROnPlateau;
import dev.nabla.optim.schedule.Scheduler;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import dev.nabla.tests.golden.FixtureReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every learning-rate schedule against torch 1.13 (make_schedule_goldens.py): 50 calls of
 * {@code step()}, {@code step(epoch)} or {@code step(metric)}, comparing each group's learning rate
 * (and the momentum OneCycleLR cycles) after construction and after every call; halfway, the
 * optimizer and the scheduler are rebuilt from their state dicts (the scheduler's passed through
 * safetensors bytes, as a checkpoint holds it), which must resume exactly.
 */
class ScheduleGoldenTest {
    private static final String FIXTURE = "/golden/schedules.json";
    private static final int ROUND_TRIP_AT = 25;
    /** Both sides compute in double with the same formulas; only cos and pow may differ, by an ulp or so. */
    private static final double RELATIVE = 1e-12;

    @TestFactory
    Stream<DynamicTest> goldens() {
        List<Map<String, Object>> cases = FixtureReader.manifestCases(FIXTURE);
        assertThat(cases).hasSizeGreaterThan(30);
        return cases.stream().map(c -> dynamicTest((String) c.get("name"), () -> replay(c)));
    }

    @SuppressWarnings("unchecked")
    private static void replay(Map<String, Object> c) {
        Map<String, Object> optimizerSpec = (Map<String, Object>) c.get("optimizer");
        Map<String, Object> schedulerSpec = (Map<String, Object>) c.get("scheduler");
        List<?> expectedLr = (List<?>) c.get("lr");
        List<?> expectedMomentum = (List<?>) c.get("momentum");
        List<?> args = (List<?>) c.get("args");
        String drive = (String) c.get("drive");

        Optimizer<?> opt = ScheduleSpecs.optimizer(optimizerSpec);
        Object scheduler = ScheduleSpecs.scheduler(opt, schedulerSpec);
        List<String> failures = new ArrayList<>();
        check(failures, 0, opt, scheduler, expectedLr, expectedMomentum);
        for (int k = 0; k < expectedLr.size() - 1; k++) {
            if (k == ROUND_TRIP_AT) {
                Map<String, Tensor> optState = opt.stateDict();
                Map<String, Tensor> schedState = throughSafetensors(stateDict(scheduler));
                opt = ScheduleSpecs.optimizer(optimizerSpec);
                scheduler = ScheduleSpecs.scheduler(opt, schedulerSpec);
                opt.loadStateDict(optState);
                loadStateDict(scheduler, schedState);
            }
            call(scheduler, drive, args == null ? null : args.get(k));
            check(failures, k + 1, opt, scheduler, expectedLr, expectedMomentum);
        }
        assertThat(failures).as(c.get("name") + ": learning rates differing from torch's").isEmpty();
    }

    private static void call(Object scheduler, String drive, Object arg) {
        switch (drive) {
            case "step" -> ((Scheduler) scheduler).step();
            case "epoch" -> ((LRScheduler) scheduler).step((int) ScheduleSpecs.number(arg));
            case "fractional-epoch" -> ((CosineAnnealingWarmRestarts) scheduler).step(ScheduleSpecs.number(arg));
            case "metric" -> ((ReduceLROnPlateau) scheduler).step(ScheduleSpecs.number(arg));
            default -> throw new IllegalArgumentException("unknown drive " + drive);
        }
    }

    private static void check(List<String> failures, int call, Optimizer<?> opt, Object scheduler, List<?> expectedLr,
            List<?> expectedMomentum) {
        double[] lr = ScheduleSpecs.doubles(expectedLr.get(call));
        List<Double> lastLr = lastLr(scheduler);
        List<? extends ParamGroup<?>> groups = opt.paramGroups();
        for (int g = 0; g < lr.length; g++) {
            // OneCycleLR's call past the last batch may extrapolate below zero in torch; Nabla sets 0.
            double expected = Math.max(0, lr[g]);
            compare(failures, "call " + call + " group " + g + " lr", expected, groups.get(g).lr());
            compare(failures, "call " + call + " group " + g + " getLastLr()", expected, lastLr.get(g));
            if (expectedMomentum != null) {
                double momentum = ScheduleSpecs.doubles(expectedMomentum.get(call))[g];
                Hyperparameters<?> options = groups.get(g).options();
                compare(failures, "call " + call + " group " + g + " momentum", momentum, HyperparameterAccess.get(
                        options, HyperparameterAccess.has(options, "momentum") ? "momentum" : "beta1"));
            }
        }
    }

    private static void compare(List<String> failures, String what, double expected, double actual) {
        if (!(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected))) {
            failures.add(what + ": torch " + expected + ", Nabla " + actual);
        }
    }

    private static List<Double> lastLr(Object scheduler) {
        return scheduler instanceof ReduceLROnPlateau p ? p.getLastLr() : ((Scheduler) scheduler).getLastLr();
    }

    private static Map<String, Tensor> stateDict(Object scheduler) {
        return scheduler instanceof ReduceLROnPlateau p ? p.stateDict() : ((Scheduler) scheduler).stateDict();
    }

    /** {@code state} written to safetensors bytes and read back, as a checkpoint file would hold it. */
    private static Map<String, Tensor> throughSafetensors(Map<String, Tensor> state) {
        Map<String, SafetensorsEntry> entries = new LinkedHashMap<>();
        state.forEach((k, t) -> entries.put(k, SafetensorsEntry.of(t.shape(), t.toDoubleArray())));
        Map<String, Tensor> out = new LinkedHashMap<>();
        FixtureReader.readSafetensors("scheduler state", Safetensors.toBytes(entries, Map.of())).forEach((k, v) ->
                out.put(k, Tensor.fromArray(v.data(), Shape.of(v.shape()), DType.F64, Device.REFERENCE)));
        return out;
    }

    private static void loadStateDict(Object scheduler, Map<String, Tensor> state) {
        if (scheduler instanceof ReduceLROnPlateau p) {
            p.loadStateDict(state);
        } else {
            ((Scheduler) scheduler).loadStateDict(state);
        }
    }
}
