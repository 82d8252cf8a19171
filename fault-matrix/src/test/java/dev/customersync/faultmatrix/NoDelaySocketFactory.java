package dev.customersync.faultmatrix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Sockets with Nagle's algorithm off. OkHttp writes a request's headers and body in separate
 * segments; on loopback, Nagle plus delayed ACKs turn each request into a ~40 ms wait, which would
 * make the thousands of generated cases slow without testing anything more.
 */
final class NoDelaySocketFactory extends SocketFactory {

  @Override
  public Socket createSocket() throws SocketException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = new Socket(host, port);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket s = new Socket(host, port, localHost, localPort);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = new Socket(host, port);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    Socket s = new Socket(address, port, localAddress, localPort);
    s.setTcpNoDelay(true);
    return s;
  }
}
