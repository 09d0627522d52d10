# Sends one OSC message with string arguments over UDP: python3 send.py HOST PORT ADDRESS [STRING...]
import socket, sys

def pad(b):
    return b + b"\0" * (4 - len(b) % 4)

host, port, address, strings = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
message = pad(address.encode()) + pad(("," + "s" * len(strings)).encode()) + b"".join(pad(s.encode()) for s in strings)
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(message, (host, port))
