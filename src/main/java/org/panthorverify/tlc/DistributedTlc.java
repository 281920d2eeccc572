package org.panthorverify.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Distributed TLC, TLC's own scale-out: {@code tlc2.tool.distributed.TLCServer} checks the spec
 * and hands states to {@code TLCWorker} processes over Java RMI. Here the server and N workers run
 * on this machine, bound to 127.0.0.1 on a free port; each worker has {@code workers} threads and
 * writes {@code tlc/worker-<i>.log}. The server's {@code -tool} output is parsed as for {@link
 * TlcRunner}, so the result has the same shape.
 *
 * <p>On other hosts the same processes are started by hand (see the README): the server with
 * {@code -Djava.rmi.server.hostname=<its address>} and each worker with the server's address as
 * its argument.
 */
public final class DistributedTlc {

  private static final String HOST = "127.0.0.1";

  private DistributedTlc() {}

  /**
   * Runs the server and {@code workers} worker processes.
   *
   * @throws UncheckedIOException if no port is free or the processes cannot be started
   */
  public static TlcResult run(TlcOptions o, int workerProcesses) {
    int port = freePort();
    List<String> jvm = List.of("-Djava.rmi.server.hostname=" + HOST,
        "-Dtlc2.tool.distributed.TLCServer.port=" + port);
    List<Process> procs = new ArrayList<>();
    TlcRunner.Companions workers = new TlcRunner.Companions() {
      @Override
      public void started(Process server, Path tlcDir) throws IOException {
        Path jar = TlcRunner.tlatoolsJar();
        for (int i = 0; i < workerProcesses; i++) {
          List<String> c = new ArrayList<>();
          c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
          c.add("-XX:+UseParallelGC");
          if (o.maxHeap() != null) {
            c.add("-Xmx" + o.maxHeap());
          }
          c.addAll(jvm);
          c.add("-Dtlc2.tool.distributed.TLCWorker.threadCount=" + o.workers());
          c.add("-Djava.io.tmpdir=" + tlcDir.resolve("tmp").toAbsolutePath());
          c.add("-cp");
          c.add(jar.toAbsolutePath().toString());
          c.add("tlc2.tool.distributed.TLCWorker");
          c.add(HOST);
          procs.add(new ProcessBuilder(c).redirectErrorStream(true)
              .redirectOutput(tlcDir.resolve("worker-" + (i + 1) + ".log").toFile()).start());
        }
      }

      @Override
      public boolean hopeless() {
        return !procs.isEmpty() && procs.stream().noneMatch(Process::isAlive);
      }

      @Override
      public void ended() {
        for (Process p : procs) {
          try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
              p.destroyForcibly();
            }
          } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    return TlcRunner.run(o, "tlc2.tool.distributed.TLCServer", jvm, workers);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port on " + HOST + " for the TLC server", e);
    }
  }
}
