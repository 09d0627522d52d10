# A bare OSCQuery WebSocket client: LISTEN to one path, print each OSC message received (address, type tags, values).
import base64, os, socket, struct, sys, json
host, port, path, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
s = socket.create_connection((host, port))
key = base64.b64encode(os.urandom(16)).decode()
s.sendall(f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
head = b""
while b"\r\n\r\n" not in head:
    head += s.recv(1)
print(head.split(b"\r\n")[0].decode())
def send_text(text):
    data, mask = text.encode(), os.urandom(4)
    s.sendall(bytes([0x81, 0x80 | len(data)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
def recv_exact(n):
    b = b""
    while len(b) < n:
        b += s.recv(n - len(b))
    return b
def osc(packet):
    def string(at):
        end = packet.index(b"\0", at)
        return packet[at:end].decode(), (end + 4) & ~3
    address, at = string(0)
    tags, at = string(at)
    values = []
    for t in tags[1:]:
        if t == "f": values.append(round(struct.unpack(">f", packet[at:at + 4])[0], 4)); at += 4
        elif t == "i": values.append(struct.unpack(">i", packet[at:at + 4])[0]); at += 4
        elif t == "s": v, at = string(at); values.append(v)
        elif t in "TF": values.append(t == "T")
    return address, tags, values
send_text(json.dumps({"COMMAND": "LISTEN", "DATA": path}))
for _ in range(count):
    opcode, length = recv_exact(2)
    length &= 0x7F
    if length == 126: length = struct.unpack(">H", recv_exact(2))[0]
    payload = recv_exact(length)
    print("binary" if opcode & 0x0F == 2 else "text", osc(payload) if opcode & 0x0F == 2 else payload.decode())
