"""Parameter counts and output shapes of the train module's model presets, built in PyTorch.

PresetTest (train/src/test/java/dev/nabla/train/presets) holds the numbers this prints; run with
/usr/bin/python3 (torch 1.13) to check them:

    /usr/bin/python3 tests/golden/preset_parameter_counts.py
"""
import torch
import torch.nn as nn


def flat(c, h, w):
    return c * h * w


def mlp(c, h, w, classes=10):
    return nn.Sequential(nn.Flatten(), nn.Linear(flat(c, h, w), 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                         nn.Linear(128, classes))


def lenet5(c, h, w, classes=10):
    oh, ow = (h // 2 - 4) // 2, (w // 2 - 4) // 2
    return nn.Sequential(nn.Conv2d(c, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16 * oh * ow, 120), nn.ReLU(), nn.Linear(120, 84),
                         nn.ReLU(), nn.Linear(84, classes))


def cnn_bn(c, h, w, classes=10):
    return nn.Sequential(nn.Conv2d(c, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(64 * (h // 4) * (w // 4), 128), nn.ReLU(), nn.Linear(128, classes))


def small_cnn(c, h, w, classes=10):
    return nn.Sequential(nn.Conv2d(c, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * (h // 4) * (w // 4), 64), nn.ReLU(), nn.Linear(64, classes))


PRESETS = {"mlp": mlp, "lenet5": lenet5, "cnn-bn": cnn_bn, "small-cnn": small_cnn}

if __name__ == "__main__":
    print("torch", torch.__version__)
    for shape in [(1, 28, 28), (3, 32, 32), (1, 8, 8)]:
        for name, make in PRESETS.items():
            if name == "lenet5" and shape[1] < 12:
                continue
            model = make(*shape)
            out = model(torch.zeros(2, *shape)).shape
            print(f"{name:10s} {str(list(shape)):12s} parameters {sum(p.numel() for p in model.parameters()):>8,d}"
                  f"  output {list(out)}")
