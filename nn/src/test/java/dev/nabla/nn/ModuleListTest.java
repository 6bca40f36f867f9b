package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleListTest {
    @Test
    void holdsAndRegistersModulesInOrder() {
        Linear a = new Linear(2, 3, true, new Rng(1), DType.F32, Device.REFERENCE);
        Activation relu = Activation.relu();
        ModuleList list = new ModuleList(a).add(relu).add(new BatchNorm1d(3));
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(0)).isSameAs(a);
        assertThat(list.get(1)).isSameAs(relu);
        List<Module> seen = new ArrayList<>();
        list.forEach(seen::add);
        assertThat(seen).containsExactlyElementsOf(list.children());
        assertThat(list.stateDict().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias",
                "2.running_mean", "2.running_var", "2.num_batches_tracked");
        assertThat(new ModuleList()).hasToString("ModuleList()");
        assertThat(new ModuleList(relu)).hasToString("ModuleList(\n  (0): ReLU()\n)");
    }

    @Test
    void hasNoForwardOfItsOwn() {
        ModuleList list = new ModuleList(Activation.relu());
        assertThatThrownBy(() -> list.call(Tensor.zeros(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ModuleList has no forward of its own: call its modules");
        assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("ModuleList: index 1 out of range for 1 modules");
    }
}
