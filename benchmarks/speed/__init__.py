"""Speed and memory benchmarks: kaznlp's steps next to their peers, same process, same inputs."""
